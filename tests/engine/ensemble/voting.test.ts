import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SignalAction } from '../../../src-shared/domain/strategy';
import { voteOf, type StrategyVote, type VotingMethod } from '../../../src-main/engine/ensemble/types';
import { vote, voteAll, weightMap } from '../../../src-main/engine/ensemble/voting';

const v = (
  strategyId: string,
  action: SignalAction,
  confidence: number,
  instrument = 'BTC',
): StrategyVote => ({
  strategyId,
  instrument,
  action,
  confidence,
  reason: `${strategyId} says ${action}`,
});

const weights = weightMap(['a', 'b', 'c', 'd'], [0.4, 0.3, 0.2, 0.1]);

describe('weighted average voting', () => {
  it('picks the action with the highest weight; confidence averages agreement over all voters', () => {
    // buy: a (0.4) + d (0.1) = 0.5; sell: b 0.3; hold: c 0.2. Buy wins.
    // Confidence = (0.4·0.9 + 0.1·0.5) / 1.0 = 0.41. Score = (0.5 − 0.3) / 1.0 = 0.2.
    const d = vote(
      'BTC',
      [v('a', 'buy', 0.9), v('b', 'sell', 0.8), v('c', 'hold', 0.6), v('d', 'buy', 0.5)],
      weights,
    );
    expect(d).toMatchObject({ action: 'buy', outcome: 'decided', method: 'weighted_average' });
    expect(d.confidence).toBeCloseTo(0.41, 12);
    expect(d.score).toBeCloseTo(0.2, 12);
    expect(d.breakdown.map((b) => [b.strategyId, b.weight])).toEqual([
      ['a', 0.4],
      ['b', 0.3],
      ['c', 0.2],
      ['d', 0.1],
    ]);
    [0.4, -0.3, 0, 0.1].forEach((c, i) => expect(d.breakdown[i]!.contribution).toBeCloseTo(c, 12));
    expect(d.breakdown[1]!.reason).toBe('b says sell');
  });

  it('holds on a tie between buy and sell weight, and on a tie with hold', () => {
    // a + d = 0.5 buys, b + c = 0.5 sells.
    const tie = vote(
      'BTC',
      [v('a', 'buy', 1), v('b', 'sell', 1), v('c', 'sell', 1), v('d', 'buy', 1)],
      weights,
    );
    expect(tie).toMatchObject({ action: 'hold', confidence: 0, outcome: 'tie' });
    expect(tie.score).toBeCloseTo(0, 12);
    // 0.1 + 0.2 buys against a 0.3 hold: equal up to rounding (0.1 + 0.2 ≠ 0.3 in binary) is still a tie.
    const w = weightMap(['x', 'y', 'z'], [0.1, 0.2, 0.3]);
    expect(vote('BTC', [v('x', 'buy', 1), v('y', 'buy', 1), v('z', 'hold', 1)], w).outcome).toBe('tie');
  });

  it('lets hold win outright when it carries the most weight', () => {
    const d = vote('BTC', [v('a', 'hold', 0.5), v('b', 'buy', 1)], weights);
    // Hold 0.4 vs buy 0.3: confidence (0.4·0.5) / 0.7.
    expect(d).toMatchObject({ action: 'hold', outcome: 'decided' });
    expect(d.confidence).toBeCloseTo(0.2 / 0.7, 12);
  });

  it('holds with no votes or no weight', () => {
    expect(vote('BTC', [], weights)).toMatchObject({ action: 'hold', confidence: 0, outcome: 'no-votes' });
    const zero = weightMap(['a'], [0]);
    expect(vote('BTC', [v('a', 'buy', 1)], zero)).toMatchObject({ action: 'hold', outcome: 'no-votes' });
  });
});

describe('majority voting', () => {
  it('needs more than half of the votes; confidence is the plain mean of the agreeing ones', () => {
    // 3 of 4 sell (weights ignored): confidence (0.6 + 0.7 + 0.8) / 3 = 0.7; score (1 − 3) / 4 = −0.5.
    const d = vote(
      'BTC',
      [v('a', 'buy', 1), v('b', 'sell', 0.6), v('c', 'sell', 0.7), v('d', 'sell', 0.8)],
      weights,
      'majority',
    );
    expect(d).toMatchObject({ action: 'sell', outcome: 'decided' });
    expect(d.confidence).toBeCloseTo(0.7, 12);
    expect(d.score).toBeCloseTo(-0.5, 12);
    expect(d.breakdown.map((b) => b.contribution)).toEqual([0.25, -0.25, -0.25, -0.25]);
  });

  it('holds when the top action has only half or a plurality', () => {
    const half = vote(
      'BTC',
      [v('a', 'buy', 1), v('b', 'buy', 1), v('c', 'sell', 1), v('d', 'sell', 1)],
      weights,
      'majority',
    );
    expect(half).toMatchObject({ action: 'hold', confidence: 0, outcome: 'no-majority', score: 0 });
    const plurality = vote(
      'BTC',
      [v('a', 'buy', 1), v('b', 'buy', 1), v('c', 'sell', 1), v('d', 'hold', 1)],
      weights,
      'majority',
    );
    expect(plurality).toMatchObject({ action: 'hold', outcome: 'no-majority' });
    expect(plurality.score).toBeCloseTo(0.25, 12);
    expect(vote('BTC', [], weights, 'majority').outcome).toBe('no-votes');
  });
});

describe('blend voting', () => {
  it('blends weight × confidence into a normalised score', () => {
    // (0.4·0.9 − 0.3·0.8 + 0.1·0.5) / 1.0 = 0.36 − 0.24 + 0.05 = 0.17 → buy with confidence 0.17.
    const d = vote(
      'BTC',
      [v('a', 'buy', 0.9), v('b', 'sell', 0.8), v('c', 'hold', 0.6), v('d', 'buy', 0.5)],
      weights,
      'blend',
    );
    expect(d).toMatchObject({ action: 'buy', outcome: 'decided' });
    expect(d.score).toBeCloseTo(0.17, 12);
    expect(d.confidence).toBeCloseTo(0.17, 12);
    expect(d.breakdown[1]!.contribution).toBeCloseTo(-0.24, 12);
  });

  it('holds when buy and sell conviction cancel (a tie), and when everyone holds (decided)', () => {
    // 0.4·0.5 = 0.2 buys, 0.2·1 = 0.2 sells.
    expect(vote('BTC', [v('a', 'buy', 0.5), v('c', 'sell', 1)], weights, 'blend')).toMatchObject({
      action: 'hold',
      confidence: 0,
      outcome: 'tie',
    });
    expect(vote('BTC', [v('a', 'hold', 1), v('b', 'hold', 1)], weights, 'blend')).toMatchObject({
      action: 'hold',
      outcome: 'decided',
    });
    expect(vote('BTC', [], weights, 'blend').outcome).toBe('no-votes');
  });
});

describe('vote input', () => {
  it('rejects votes it cannot count, naming the strategy', () => {
    expect(() => vote('BTC', [v('a', 'buy', 1, 'ETH')], weights)).toThrow('vote of a is for ETH, not BTC');
    expect(() => vote('BTC', [v('a', 'buy', 1), v('a', 'sell', 1)], weights)).toThrow(
      'a voted twice on BTC; one vote per strategy',
    );
    expect(() => vote('BTC', [v('a', 'buy', 1.5)], weights)).toThrow(
      'confidence of a must be between 0 and 1, got 1.5',
    );
    expect(() => vote('BTC', [v('zz', 'buy', 1)], weights)).toThrow('zz has no valid weight (got undefined)');
    expect(() => weightMap(['a'], [0.5, 0.5])).toThrow('1 strategy ids but 2 weights');
  });

  it('groups votes per instrument in order of first appearance', () => {
    const decisions = voteAll(
      [v('a', 'buy', 1, 'ETH'), v('b', 'sell', 1, 'BTC'), v('c', 'buy', 1, 'ETH')],
      weights,
    );
    expect(decisions.map((d) => [d.instrument, d.action, d.breakdown.length])).toEqual([
      ['ETH', 'buy', 2],
      ['BTC', 'sell', 1],
    ]);
  });

  it('turns a strategy signal into its vote', () => {
    expect(voteOf('a', { instrument: 'BTC', action: 'buy', confidence: 0.4, reason: 'r' })).toEqual({
      strategyId: 'a',
      instrument: 'BTC',
      action: 'buy',
      confidence: 0.4,
      reason: 'r',
    });
  });
});

describe('voting properties', () => {
  const ballots = fc.array(
    fc.record({
      action: fc.constantFrom<SignalAction>('buy', 'sell', 'hold'),
      confidence: fc.double({ min: 0, max: 1, noNaN: true }),
      weight: fc.double({ min: 0, max: 1, noNaN: true }),
    }),
    { maxLength: 20 },
  );
  const methods = fc.constantFrom<VotingMethod>('weighted_average', 'majority', 'blend');

  it('keeps confidence in [0, 1], score in [−1, 1], and the contributions summing to the score', () => {
    fc.assert(
      fc.property(ballots, methods, (ballot, method) => {
        const votes = ballot.map((b, i) => v(`s${i}`, b.action, b.confidence));
        const w = weightMap(
          ballot.map((_, i) => `s${i}`),
          ballot.map((b) => b.weight),
        );
        const d = vote('BTC', votes, w, method);
        expect(d.confidence).toBeGreaterThanOrEqual(0);
        expect(d.confidence).toBeLessThanOrEqual(1 + 1e-12);
        expect(Math.abs(d.score)).toBeLessThanOrEqual(1 + 1e-12);
        const total = d.breakdown.reduce((s, b) => s + b.contribution, 0);
        expect(total).toBeCloseTo(d.score, 9);
        // A decision to trade always points the way the score does.
        if (d.action === 'buy') expect(d.score).toBeGreaterThan(0);
        if (d.action === 'sell') expect(d.score).toBeLessThan(0);
        if (d.outcome !== 'decided') expect(d).toMatchObject({ action: 'hold', confidence: 0 });
      }),
      { numRuns: 1000 },
    );
  });

  it('mirrors: swapping every buy and sell swaps the decision and negates the score', () => {
    const flip = (a: SignalAction): SignalAction => (a === 'buy' ? 'sell' : a === 'sell' ? 'buy' : 'hold');
    fc.assert(
      fc.property(ballots, methods, (ballot, method) => {
        const ids = ballot.map((_, i) => `s${i}`);
        const w = weightMap(
          ids,
          ballot.map((b) => b.weight),
        );
        const d = vote(
          'BTC',
          ballot.map((b, i) => v(ids[i]!, b.action, b.confidence)),
          w,
          method,
        );
        const m = vote(
          'BTC',
          ballot.map((b, i) => v(ids[i]!, flip(b.action), b.confidence)),
          w,
          method,
        );
        expect(m.action).toBe(flip(d.action));
        expect(m.outcome).toBe(d.outcome);
        expect(m.confidence).toBeCloseTo(d.confidence, 12);
        expect(m.score).toBeCloseTo(-d.score, 12);
      }),
      { numRuns: 500 },
    );
  });
});
