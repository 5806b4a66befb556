import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SignalAction } from '../../../src-shared/domain/strategy';
import { BallotBox } from '../../../src-main/engine/ensemble/ballot-box';
import type { StrategyVote, VotingMethod } from '../../../src-main/engine/ensemble/types';
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
          for (const [votes, weights] of steps) {
            const expected = outcome(() => voteAll(votes, weightMap(IDS, weights), method));
            const actual = outcome(() => box.decide(votes, indexOf(votes), weights, method));
            expect(actual).toEqual(expected);
          }
        },
      ),
      { numRuns: 400 },
    );
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
