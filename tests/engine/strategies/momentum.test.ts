import { describe, expect, it } from 'vitest';
import { momentum } from '../../../src-main/engine/strategies/momentum';
import { flatBar, snapshotOf } from '../../helpers/snapshot';

function feed(closes: number[], params = { enabled: true, lookback: 3, threshold: 0.01 }) {
  const logic = momentum.create(params);
  return closes.map((close, i) => logic.evaluate(snapshotOf(i, [flatBar('X', i, close)])));
}

describe('momentum', () => {
  it('abstains while warming up, then buys above +threshold with confidence scaled to 5× threshold', () => {
    const out = feed([100, 100, 100, 103]);
    expect(out[0]).toEqual({ signals: [], abstain: 'warming up: 1/4 bars' });
    expect(out[2]).toEqual({ signals: [], abstain: 'warming up: 3/4 bars' });
    // 103 / 100 − 1 = 3 %: over 1 %, confidence 0.03 / 0.05 = 0.6.
    expect(out[3]!.signals[0]).toMatchObject({ action: 'buy' });
    expect(out[3]!.signals[0]!.confidence).toBeCloseTo(0.6, 12);
  });

  it('sells below −threshold and holds inside the band', () => {
    const out = feed([100, 100, 100, 90, 100, 100, 90.5]);
    expect(out[3]!.signals[0]).toMatchObject({ action: 'sell', confidence: 1 });
    // 90.5 vs 90 three bars earlier: +0.56 %, inside ±1 %.
    expect(out[6]!.signals[0]).toMatchObject({ action: 'hold', confidence: 0 });
  });

  it('holds at exactly ±threshold (strict) and trades just beyond it', () => {
    // threshold 0.5, lookback 1: 150 / 100 − 1 = 0.5 and 75 / 150 − 1 = −0.5 exactly (in doubles too):
    // within the band, hold. 151 / 100 − 1 = 0.51: buy, confidence 0.51 / (5 × 0.5) = 0.204.
    const params = { enabled: true, lookback: 1, threshold: 0.5 };
    const out = feed([100, 150, 75], params);
    expect(out[1]!.signals[0]).toMatchObject({ action: 'hold', confidence: 0 });
    expect(out[2]!.signals[0]).toMatchObject({ action: 'hold', confidence: 0 });
    const beyond = feed([100, 151], params)[1]!.signals[0]!;
    expect(beyond.action).toBe('buy');
    expect(beyond.confidence).toBeCloseTo(0.204, 12);
  });
});
