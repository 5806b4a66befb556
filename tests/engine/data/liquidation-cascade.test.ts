import { describe, expect, it } from 'vitest';
import type { Bar } from '../../../src-shared/domain/market';
import { cascadeReductions, reducedQuantity } from '../../../src-main/engine/data/cascade-reduction';
import {
  LiquidationCascadeDetector,
  type CascadeOptions,
} from '../../../src-main/engine/data/liquidation-cascade';

const options: CascadeOptions = {
  baselineWindow: 50,
  velocityWindow: 3,
  minObservations: 20,
  liquidationZAtMax: 4,
  velocityAtMax: 4,
  imbalanceFloor: 0.3,
  weights: { liquidations: 0.5, velocity: 0.3, imbalance: 0.2 },
  elevatedThreshold: 0.4,
  highThreshold: 0.7,
};

/** Calm bars: closes alternate 100 / 101, flat bars (no order-flow sign), liquidations alternate 1,000 / 3,000. */
function calm(count: number, withLiquidations = true): Bar[] {
  return Array.from({ length: count }, (_, i) => {
    const close = i % 2 === 0 ? 100 : 101;
    const bar: Bar = { instrument: 'BTC', time: i, open: close, high: close, low: close, close, volume: 7 };
    if (withLiquidations) bar.liquidations = { longNotional: i % 2 === 0 ? 1000 : 3000, shortNotional: 0 };
    return bar;
  });
}

/** A bar that falls from open to close, closing on its low. */
function down(time: number, from: number, to: number, volume: number, liquidations?: number): Bar {
  const bar: Bar = { instrument: 'BTC', time, open: from, high: from, low: to, close: to, volume };
  if (liquidations !== undefined) bar.liquidations = { longNotional: liquidations, shortNotional: 0 };
  return bar;
}

function feed(detector: LiquidationCascadeDetector, bars: Bar[]): void {
  for (const bar of bars) detector.update(bar);
}

describe('LiquidationCascadeDetector', () => {
  it('scores each component as documented (hand-computed case at 0.5 each)', () => {
    const detector = new LiquidationCascadeDetector(options);
    feed(detector, calm(60));
    // Baselines over the last 50 bars: log returns ±ln(1.01), σ₁ = ln(1.01)·√(50/49); liquidations
    // 1,000 / 3,000, mean 2,000, σ_L = 1,000·√(50/49).
    const sigma1 = Math.log(1.01) * Math.sqrt(50 / 49);
    const sigmaL = 1000 * Math.sqrt(50 / 49);
    // Velocity 2.5 σ over 3 bars from close 101 (bar 57): c_V = (2.5 − 1) / (4 − 1) = 0.5.
    const close = 101 * Math.exp(-2.5 * sigma1 * Math.sqrt(3));
    // Imbalance: two flat bars of volume 7 and this one, −26 signed: I = −26 / 40 = −0.65,
    // c_I = (0.65 − 0.3) / 0.7 = 0.5. Liquidations at z = 2: c_L = 2 / 4 = 0.5.
    const view = detector.update(down(60, 100, close, 26, 2000 + 2 * sigmaL));
    expect(view.liquidations).toBeCloseTo(0.5, 9);
    expect(view.velocity).toBeCloseTo(0.5, 9);
    expect(view.imbalance).toBeCloseTo(0.5, 9);
    expect(view.score).toBeCloseTo(0.5, 9);
    expect(view.level).toBe('elevated');
    expect(view.enteredHigh).toBe(false);
  });

  it('rates a liquidation burst with a one-sided crash high, once per episode', () => {
    const detector = new LiquidationCascadeDetector(options);
    feed(detector, calm(60));
    const first = detector.update(down(60, 100, 97, 500, 60_000));
    expect(first).toMatchObject({ level: 'high', enteredHigh: true, liquidations: 1 });
    expect(first.score).toBeGreaterThanOrEqual(0.7);
    const second = detector.update(down(61, 97, 94, 500, 60_000));
    expect(second).toMatchObject({ level: 'high', enteredHigh: false });
  });

  it('rates a liquidation burst on a flat, balanced market only elevated (score 0.5)', () => {
    const detector = new LiquidationCascadeDetector(options);
    feed(detector, calm(60));
    const view = detector.update({
      instrument: 'BTC',
      time: 60,
      open: 100,
      high: 100.5,
      low: 99.5,
      close: 100,
      volume: 7,
      liquidations: { longNotional: 0, shortNotional: 90_000 },
    });
    expect(view.liquidations).toBe(1);
    expect(view.velocity).toBe(0);
    expect(view.imbalance).toBe(0);
    expect(view.score).toBeCloseTo(0.5, 12);
    expect(view.level).toBe('elevated');
  });

  it('without liquidation data, rests on velocity and imbalance (weights renormalised)', () => {
    const detector = new LiquidationCascadeDetector(options);
    feed(detector, calm(60, false));
    // 101 → 90 over 3 bars is ~6.6 σ (c_V = 1); I = −500 / (7 + 7 + 500), c_I = (500/514 − 0.3) / 0.7.
    const view = detector.update(down(60, 100, 90, 500));
    const imbalance = (500 / 514 - 0.3) / 0.7;
    expect(view.liquidations).toBeNaN();
    expect(view.velocity).toBe(1);
    expect(view.imbalance).toBeCloseTo(imbalance, 12);
    expect(view.score).toBeCloseTo((0.3 * 1 + 0.2 * imbalance) / 0.5, 12);
    expect(view.level).toBe('high');
  });

  it('ignores flow against the price move, and stays low while warming up', () => {
    const detector = new LiquidationCascadeDetector(options);
    const warm = calm(10);
    feed(detector, warm);
    expect(detector.latest('BTC')).toMatchObject({ warmingUp: true, level: 'low', score: 0 });
    expect(detector.latest('ETH')).toBeUndefined();
    feed(detector, calm(60).slice(10));
    // Price down over the window, but the bar itself rises from its low: flow against the move.
    const view = detector.update({
      instrument: 'BTC',
      time: 60,
      open: 90,
      high: 95,
      low: 90,
      close: 95,
      volume: 500,
    });
    expect(view.imbalance).toBe(0);
  });

  it('refuses inconsistent thresholds', () => {
    expect(() => new LiquidationCascadeDetector({ ...options, elevatedThreshold: 0.8 })).toThrow(
      'the elevated threshold must be below the high threshold',
    );
  });
});

describe('cascade reductions', () => {
  it('keeps the configured share, rounded toward zero to whole lots', () => {
    expect(reducedQuantity(10, 0.5, 1)).toBe(5);
    expect(reducedQuantity(7, 0.5, 1)).toBe(3);
    expect(reducedQuantity(-7, 0.5, 1)).toBe(-3);
    expect(reducedQuantity(0.6, 0.5, 0.1)).toBeCloseTo(0.3, 12); // 3 lots, not 2 from 2.9999999999999996
    expect(reducedQuantity(1, 0.4, 1)).toBe(0);
    expect(() => reducedQuantity(1, 1.5, 1)).toThrow('keep must be between 0 and 1, not 1.5');
  });

  it('cuts only positions whose instrument entered high risk on this bar', () => {
    const positions = [
      { instrument: 'BTC', qty: 2 },
      { instrument: 'ETH', qty: -10 },
      { instrument: 'SOL', qty: 0 },
    ];
    const entered = new Set(['BTC', 'SOL']);
    expect(
      cascadeReductions(
        positions,
        (i) => entered.has(i),
        0.5,
        () => 0.001,
      ),
    ).toEqual([{ instrument: 'BTC', from: 2, to: 1 }]);
  });
});
