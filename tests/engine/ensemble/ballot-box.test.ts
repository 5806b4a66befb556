import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SignalAction } from '../../../src-shared/domain/strategy';
import { BallotBox } from '../../../src-main/engine/ensemble/ballot-box';
import type { EnsembleDecision, StrategyVote, VotingMethod } from '../../../src-main/engine/ensemble/types';
import { voteAll, weightMap } from '../../../src-main/engine/ensemble/voting';

// The ballot box is the pipeline's fast path of voteAll: it must give the very same decisions (deep
// equality, so every float bit) and the same first error, step after step with ballots reused.

const IDS = ['a', 'b', 'c', 'd', 'e'];

/** voteAll's result or the message of what it threw. */
function outcome(run: () => unknown): unknown {
  try {
    return run();
  } catch (error) {
    return `threw: ${(error as Error).message}`;
  }
}

/** Decisions as plain data (a ballot box decision builds its breakdown when it is read), errors as they are. */
function asData(result: unknown): unknown {
  if (!Array.isArray(result)) return result;
  return result.map((d: EnsembleDecision) => ({
    instrument: d.instrument,
    method: d.method,
    action: d.action,
    confidence: d.confidence,
    score: d.score,
    outcome: d.outcome,
    breakdown: d.breakdown,
  }));
}

const voteArb = fc.record({
  // 'x' is not among the ids: refused as without weight.
  strategyId: fc.constantFrom(...IDS, 'x'),
  instrument: fc.constantFrom('BTC', 'ETH', 'SPY', 'GLD'),
  action: fc.constantFrom<SignalAction>('buy', 'sell', 'hold'),
  confidence: fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constant(1.5)),
  reason: fc.constant('r'),
});

/** Each vote's index in IDS, −1 for an unknown id, as EnsemblePipeline passes it. */
const indexOf = (votes: readonly StrategyVote[]): Int32Array =>
  Int32Array.from(votes, (v) => IDS.indexOf(v.strategyId));

describe('BallotBox', () => {
  it('decides like voteAll on every step, errors included', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.array(voteArb, { maxLength: 14 }),
            fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 5, maxLength: 5 }),
          ),
          { minLength: 1, maxLength: 4 },
        ),
        fc.constantFrom<VotingMethod>('weighted_average', 'majority', 'blend'),
        (steps, method) => {
          const box = new BallotBox(IDS);
          // One vote list refilled each step, as the pipeline does; each step's decisions are read (their
          // breakdowns built) after the list has been refilled, within the step as the loop does.
          const list: StrategyVote[] = [];
          for (const [votes, weights] of steps) {
            list.length = 0;
            list.push(...votes);
            const expected = outcome(() => voteAll(votes, weightMap(IDS, weights), method));
            const actual = outcome(() => box.decide(list, indexOf(list), weights, method));
            list.length = 0;
            expect(asData(actual)).toEqual(expected);
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it("refuses to give a decision's breakdown once its ballot has taken a later step's votes", () => {
    const box = new BallotBox(IDS);
    const buy = (strategyId: string, instrument: string): StrategyVote => ({
      strategyId,
      instrument,
      action: 'buy',
      confidence: 0.5,
      reason: 'r',
    });
    const first = [buy('a', 'BTC'), buy('b', 'BTC'), buy('a', 'ETH')];
    const [btc, eth] = box.decide(first, indexOf(first), [1, 3, 1, 1, 1], 'weighted_average');
    const second = [buy('c', 'BTC')];
    box.decide(second, indexOf(second), [1, 1, 1, 1, 1], 'weighted_average');
    expect(() => btc!.breakdown).toThrow(
      "the breakdown of BTC's decision was read after a later step's vote",
    );
    // ETH's ballot took no votes since: its decision still reads its own votes.
    expect(eth!.breakdown.map((b) => [b.strategyId, b.weight, b.contribution])).toEqual([['a', 1, 1]]);
  });

  it('refuses a second vote of one strategy on an instrument, and an invalid weight, like vote', () => {
    const box = new BallotBox(IDS);
    const v = (strategyId: string, instrument: string): StrategyVote => ({
      strategyId,
      instrument,
      action: 'buy',
      confidence: 0.5,
      reason: 'r',
    });
    const twice = [v('a', 'BTC'), v('b', 'ETH'), v('a', 'BTC')];
    expect(() => box.decide(twice, indexOf(twice), [1, 1, 1, 1, 1], 'blend')).toThrow(
      'a voted twice on BTC; one vote per strategy',
    );
    // The same strategy on another instrument, and again on the next step, is fine.
    const ok = [v('a', 'BTC'), v('a', 'ETH')];
    expect(box.decide(ok, indexOf(ok), [1, 1, 1, 1, 1], 'blend').map((d) => d.instrument)).toEqual([
      'BTC',
      'ETH',
    ]);
    expect(box.decide(ok, indexOf(ok), [1, 1, 1, 1, 1], 'blend')).toHaveLength(2);
    expect(() => box.decide(ok, indexOf(ok), [Number.NaN, 1, 1, 1, 1], 'blend')).toThrow(
      'a has no valid weight (got NaN)',
    );
  });
});
