import { describe, expect, it } from 'vitest';
import type { EnsembleDecision } from '../../../src-main/engine/ensemble/types';
import { PositionSizer } from '../../../src-main/engine/risk/position-sizer';

const config = {
  kellyFraction: 0.25,
  minTrades: 2,
  windowTrades: 50,
  minFractionOfEquity: 0.01,
  maxFractionOfEquity: 0.15,
  maxGrossFractionOfEquity: 1,
};
const decision = (
  action: 'buy' | 'sell' | 'hold',
  confidence = 1,
  outcome: EnsembleDecision['outcome'] = 'decided',
): EnsembleDecision => ({
  instrument: 'X',
  method: 'weighted_average',
  action,
  confidence,
  score: action === 'buy' ? confidence : action === 'sell' ? -confidence : 0,
  outcome,
  breakdown: [],
});
const ctx = { equity: 100_000, price: 100, lotSize: 1, currentQty: 0, breakerMultiplier: 1, positions: [] };

describe('PositionSizer', () => {
  it('learns Kelly from shadow trades: each call closed by the next opposite or hold call', () => {
    const sizer = new PositionSizer(config);
    sizer.observe(decision('buy'), 100);
    sizer.observe(decision('buy'), 105); // same direction: still the same shadow trade
    sizer.observe(decision('sell'), 110); // closes the long at +10 %, opens a short at 110
    sizer.observe(decision('hold'), 121); // closes the short at −10 %
    const estimate = sizer.kelly.estimate();
    expect(estimate).toMatchObject({ trades: 2, wins: 1, losses: 1 });
    // p = 0.5, b = 0.1 / 0.1 = 1: f* = (1·0.5 − 0.5)/1 = 0.
    expect(estimate.fullKelly).toBeCloseTo(0, 12);
  });

  it('ignores ties and empty votes for the shadow book and for the target', () => {
    const sizer = new PositionSizer(config);
    sizer.observe(decision('buy'), 100);
    sizer.observe(decision('hold', 0, 'tie'), 120);
    expect(sizer.kelly.estimate().trades).toBe(0);
    expect(sizer.target(decision('hold', 0, 'tie'), ctx)).toMatchObject({
      targetQty: null,
      note: 'vote tie: position unchanged',
    });
  });

  it('sizes Kelly × fraction × confidence × breaker, within the limits (hand-computed)', () => {
    const sizer = new PositionSizer(config);
    // Two winning shadow trades of +10 %: p = 1, f* = 1; shrinkage min(1, 2/2) = 1.
    sizer.observe(decision('buy'), 100);
    sizer.observe(decision('sell'), 110);
    sizer.observe(decision('buy'), 99);
    expect(sizer.kelly.estimate().kelly).toBe(1);
    // 1 × 0.25 × 0.4 × 0.5 = 5 % of 100,000 = 5,000 → 50 units at 100.
    const half = sizer.target(decision('buy', 0.4), { ...ctx, breakerMultiplier: 0.5 });
    expect(half.targetQty).toBe(50);
    // Full confidence: 25 % capped at 15 % → 150 units; a sell targets a short.
    expect(sizer.target(decision('sell', 1), ctx).targetQty).toBe(-150);
    // The ensemble holding closes the position.
    expect(sizer.target(decision('hold', 1), { ...ctx, currentQty: 30 }).targetQty).toBe(0);
  });

  it('sizes nothing before it has learned anything, saying why', () => {
    const sized = new PositionSizer(config).target(decision('buy'), ctx);
    expect(sized.targetQty).toBe(0);
    expect(sized.note).toMatch(/^size 0\.00 % of equity is below the 1\.00 % minimum/);
  });

  it('trims an order to the gross-exposure cap', () => {
    const sizer = new PositionSizer({ ...config, maxGrossFractionOfEquity: 0.2 });
    sizer.observe(decision('buy'), 100);
    sizer.observe(decision('sell'), 110);
    sizer.observe(decision('buy'), 99);
    const sized = sizer.target(decision('buy', 1), {
      ...ctx,
      positions: [{ instrument: 'Y', notional: 15_000 }],
    });
    // 20 % cap − 15 % elsewhere leaves 5,000 → 50 units.
    expect(sized.targetQty).toBe(50);
    expect(sized.exposure).toMatchObject({ trimmed: true });
  });
});
