import { describe, expect, it } from 'vitest';
import { AdaptiveAllocator, sharpeRatio } from '../../../src-main/engine/ensemble/adaptive-allocator';
import { RollingWindow } from '../../../src-main/engine/ensemble/rolling-window';

const DAY = 86_400_000;

function sharpeOf(values: number[]): number {
  const w = new RollingWindow(values.length);
  values.forEach((v) => w.push(v));
  return sharpeRatio(w.mean(), w.variance(), w.count);
}

// Returns 0.01, 0.03, −0.01, 0.01: mean 0.01, deviations 0, 0.02, −0.02, 0, sample variance 0.0008 / 3,
// so Sharpe = 0.01 / √(0.0008/3) = √(3/8) ≈ 0.612372.
const GOOD = [0.01, 0.03, -0.01, 0.01];
const SHARPE_GOOD = Math.sqrt(3 / 8);

describe('sharpeRatio', () => {
  it('is the per-bar mean over the sample standard deviation (hand-computed)', () => {
    expect(sharpeOf(GOOD)).toBeCloseTo(SHARPE_GOOD, 12);
    // Scaling returns does not change it; negating them negates it.
    expect(sharpeOf(GOOD.map((r) => 2 * r))).toBeCloseTo(SHARPE_GOOD, 12);
    expect(sharpeOf(GOOD.map((r) => -r))).toBeCloseTo(-SHARPE_GOOD, 12);
  });

  it('is 0 with fewer than two returns or returns that do not vary', () => {
    expect(sharpeOf([0.05])).toBe(0);
    expect(sharpeOf([0.02, 0.02, 0.02])).toBe(0);
    expect(sharpeRatio(0.01, 0, 10)).toBe(0);
  });
});

describe('RollingWindow', () => {
  it('keeps the last values and their mean and variance as values leave', () => {
    const w = new RollingWindow(3);
    [1, 2, 3, 10].forEach((v) => w.push(v));
    // Holds 2, 3, 10: mean 5, sample variance ((−3)² + (−2)² + 5²) / 2 = 19.
    expect([w.at(0), w.at(1), w.at(2)]).toEqual([2, 3, 10]);
    expect(w.mean()).toBe(5);
    expect(w.variance()).toBeCloseTo(19, 12);
    w.clear();
    expect([w.count, w.mean(), w.variance()]).toEqual([0, 0, 0]);
  });

  it('stays exact after a million updates of values with a large offset', () => {
    const w = new RollingWindow(50);
    let x = 0;
    for (let i = 0; i < 1_000_000; i++) {
      x = (x * 1103515245 + 12345) % 2147483648;
      w.push(1e6 + x / 2147483648);
    }
    const held = Array.from({ length: 50 }, (_, i) => w.at(i));
    const mean = held.reduce((a, b) => a + b, 0) / 50;
    const variance = held.reduce((a, b) => a + (b - mean) ** 2, 0) / 49;
    expect(w.mean()).toBeCloseTo(mean, 6);
    expect(w.variance()).toBeCloseTo(variance, 3);
  });

  it('rejects a window length that is not a whole number ≥ 1', () => {
    expect(() => new RollingWindow(0)).toThrow('window length must be a whole number ≥ 1, got 0');
  });
});

const config = {
  strategyCount: 3,
  sharpeWindow: 4,
  smoothingAlpha: 0.5,
  minWeight: 0.1,
  maxWeight: 0.6,
  rebalanceIntervalMs: DAY,
};

function feed(allocator: AdaptiveAllocator, series: number[][]): void {
  for (let bar = 0; bar < series[0]!.length; bar++)
    series.forEach((returns, i) => allocator.recordReturn(i, returns[bar]!));
}

describe('AdaptiveAllocator', () => {
  it('starts equal, anchors its schedule on the first call, and rebalances once a day has passed', () => {
    const a = new AdaptiveAllocator(config);
    expect(Array.from(a.weights())).toEqual([1 / 3, 1 / 3, 1 / 3]);
    expect(a.rebalance(0)).toBe(false);
    feed(a, [GOOD, GOOD.map((r) => 2 * r), GOOD.map((r) => -r)]);
    expect(a.rebalance(DAY - 1)).toBe(false);
    expect(Array.from(a.weights())).toEqual([1 / 3, 1 / 3, 1 / 3]);

    // First rebalance: smoothed = current (no previous value). Sharpes √(3/8), √(3/8), −√(3/8): the
    // negative one takes the 0.1 minimum, the two equal ones share 0.9.
    expect(a.rebalance(DAY)).toBe(true);
    const first = a.snapshot();
    expect(first.rebalancedAt).toBe(DAY);
    expect(first.sharpe[0]).toBeCloseTo(SHARPE_GOOD, 12);
    expect(first.smoothedSharpe[2]).toBeCloseTo(-SHARPE_GOOD, 12);
    [0.45, 0.45, 0.1].forEach((w, i) => expect(a.weights()[i]).toBeCloseTo(w, 12));

    // Second day: strategy 0's returns stop varying (Sharpe 0), 1 keeps √(3/8), 2 turns to +√(3/8).
    // Smoothed (α = 0.5): 0.5·√(3/8), √(3/8), 0. Strategy 2 (≤ 0) takes 0.1; 0.9 splits 1 : 2 → 0.3, 0.6.
    feed(a, [[0.02, 0.02, 0.02, 0.02], GOOD, GOOD]);
    expect(a.rebalance(2 * DAY - 1)).toBe(false);
    expect(a.rebalance(2 * DAY)).toBe(true);
    const second = a.snapshot();
    expect(second.sharpe[0]).toBe(0);
    expect(second.smoothedSharpe[0]).toBeCloseTo(0.5 * SHARPE_GOOD, 12);
    expect(second.smoothedSharpe[1]).toBeCloseTo(SHARPE_GOOD, 12);
    expect(second.smoothedSharpe[2]).toBeCloseTo(0, 12);
    [0.3, 0.6, 0.1].forEach((w, i) => expect(a.weights()[i]).toBeCloseTo(w, 12));
    expect(second.relaxed).toBeNull();
  });

  it('reports a relaxed bound when the strategies cannot meet it', () => {
    const a = new AdaptiveAllocator({ ...config, maxWeight: 0.25 });
    expect(a.snapshot().relaxed).toBe('max-raised');
    expect(Array.from(a.weights())).toEqual([1 / 3, 1 / 3, 1 / 3]);
  });

  it('hands out copies in its snapshot', () => {
    const a = new AdaptiveAllocator(config);
    a.snapshot().weights[0] = 9;
    expect(a.weights()[0]).toBe(1 / 3);
  });

  it('rejects bad configuration and input with the field named', () => {
    expect(() => new AdaptiveAllocator({ ...config, strategyCount: 0 })).toThrow(
      'strategyCount must be a whole number ≥ 1, got 0',
    );
    expect(() => new AdaptiveAllocator({ ...config, sharpeWindow: 1 })).toThrow(
      'sharpeWindow must be a whole number ≥ 2, got 1',
    );
    expect(() => new AdaptiveAllocator({ ...config, smoothingAlpha: 1.5 })).toThrow(
      'smoothingAlpha must be between 0 and 1, got 1.5',
    );
    expect(() => new AdaptiveAllocator({ ...config, rebalanceIntervalMs: 0 })).toThrow(
      'rebalanceIntervalMs must be a positive number, got 0',
    );
    expect(() => new AdaptiveAllocator({ ...config, minWeight: 0.7 })).toThrow(
      'weight bounds must satisfy 0 ≤ minWeight ≤ maxWeight ≤ 1, got minWeight 0.7, maxWeight 0.6',
    );
    const a = new AdaptiveAllocator(config);
    expect(() => a.recordReturn(3, 0.01)).toThrow('strategy index 3 is outside 0…2');
    expect(() => a.recordReturn(1, Number.POSITIVE_INFINITY)).toThrow(
      'return of strategy 1 must be a finite number, got Infinity',
    );
    expect(() => a.rebalance(Number.NaN)).toThrow('rebalance time must be finite, got NaN');
  });
});

describe('a window that has slid onto constant returns', () => {
  it('has variance exactly 0, so its Sharpe ratio is 0 (not rounding noise over rounding noise)', () => {
    // The running sums still carry the rounding of the values that left; the returns held do not vary.
    const cases: [number, number[], number][] = [
      [4, [0.01, -0.02], 0.001], // 4 × 0.001 held
      [5, [0.001, 0.002, 0.004], 0.001],
      [10, [0.01, 0.02, 0.03], 0], // 10 × 0 held: a strategy flat all window
      [4, [0.01, -0.02], 0],
    ];
    for (const [capacity, before, constant] of cases) {
      const w = new RollingWindow(capacity);
      for (const v of [...before, ...Array<number>(capacity).fill(constant)]) w.push(v);
      expect(w.variance()).toBe(0);
      expect(sharpeRatio(w.mean(), w.variance(), w.count)).toBe(0);
    }
  });

  it('counts a strategy flat all window as Sharpe 0: with the others negative, weights stay equal', () => {
    const a = new AdaptiveAllocator({ ...config, minWeight: 0.01, maxWeight: 0.5 });
    a.rebalance(0);
    // Strategy 0 traded, then was flat for the whole 4-bar window; 1 and 2 lost (Sharpe −√(3/8)).
    feed(a, [
      [0.01, -0.02, 0, 0, 0, 0],
      [0, 0, ...GOOD.map((r) => -r)],
      [0, 0, ...GOOD.map((r) => -r)],
    ]);
    expect(a.rebalance(DAY)).toBe(true);
    expect(a.snapshot().sharpe[0]).toBe(0);
    // No positive Sharpe at all → equal weights (docs/RISK.md), not the maximum for strategy 0.
    [1 / 3, 1 / 3, 1 / 3].forEach((w, i) => expect(a.weights()[i]).toBeCloseTo(w, 12));
  });
});
