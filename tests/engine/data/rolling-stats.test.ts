import { describe, expect, it } from 'vitest';
import { RollingStats, RollingStatsBank } from '../../../src-main/engine/data/rolling-stats';
import { Rng } from '../../../src-main/engine/rng';
import { naiveWindow } from './naive-window';

/** 1e6 + N(0, 1) noise, a slow random-walk drift, and a ±1000 spike every 5,000 values. */
function hardSeries(length: number, seed: number): Float64Array {
  const rng = new Rng(seed);
  const values = new Float64Array(length);
  let level = 1e6;
  for (let i = 0; i < length; i++) {
    level += 0.05 * rng.normal();
    values[i] = level + rng.normal() + (i % 5000 === 2500 ? (rng.next() < 0.5 ? -1000 : 1000) : 0);
  }
  return values;
}

describe('RollingStats', () => {
  it('stays within 1e-9 of the two-pass definition over 200,000 values around 1e6 with spikes', () => {
    const window = 252;
    const values = hardSeries(200_000, 11);
    const stats = new RollingStats(window);
    let worstZ = 0;
    let worstStd = 0;
    let worstMean = 0;
    for (let i = 0; i < values.length; i++) {
      stats.push(values[i]!);
      if (i < 1) continue;
      const reference = naiveWindow(values, i + 1, window);
      worstZ = Math.max(worstZ, Math.abs(stats.zScore(values[i]!) - reference.z));
      worstStd = Math.max(worstStd, Math.abs(stats.std() - reference.std) / reference.std);
      worstMean = Math.max(worstMean, Math.abs(stats.mean() - reference.mean) / reference.std);
    }
    expect(worstZ).toBeLessThan(1e-9);
    expect(worstStd).toBeLessThan(1e-9);
    expect(worstMean).toBeLessThan(1e-9);
  });

  it('computes mean and sample variance exactly on small integers (hand-computed)', () => {
    const stats = new RollingStats(3);
    for (const x of [1, 2, 3]) stats.push(x);
    expect(stats.mean()).toBe(2);
    expect(stats.variance()).toBe(1); // ((−1)² + 0² + 1²) / 2
    stats.push(10); // window 2, 3, 10: mean 5, squares 9 + 4 + 25 = 38, variance 19
    expect(stats.mean()).toBeCloseTo(5, 12);
    expect(stats.variance()).toBeCloseTo(19, 12);
    expect(stats.zScore(10)).toBeCloseTo(5 / Math.sqrt(19), 12);
    expect(stats.count).toBe(3);
  });

  it('treats a flat window as σ = 0 (z = 0), also after a spike has left it', () => {
    const stats = new RollingStats(4);
    for (const x of [5, 5, 5, 5]) stats.push(x);
    expect(stats.isFlat()).toBe(true);
    expect(stats.zScore(7)).toBe(0);
    stats.push(1e9);
    for (const x of [5, 5, 5, 5]) stats.push(x);
    expect(stats.variance()).toBe(0);
    expect(stats.mean()).toBe(5);
  });

  it('is NaN-free but undefined below two values, and resets', () => {
    const stats = new RollingStats(5);
    expect(stats.mean()).toBeNaN();
    stats.push(3);
    expect(stats.zScore(3)).toBeNaN();
    expect(stats.variance()).toBe(0);
    stats.reset();
    expect(stats.count).toBe(0);
    expect(() => new RollingStats(0)).toThrow('window must be a whole number ≥ 1, not 0');
  });
});

describe('RollingStatsBank', () => {
  it('keeps series apart, skips non-finite values per series, and scores after or before adding', () => {
    const bank = new RollingStatsBank(2, 3);
    const values = new Float64Array(2);
    const out = new Float64Array(2);
    for (const [a, b] of [
      [1, NaN],
      [2, 10],
      [3, 20],
    ] as const) {
      values[0] = a;
      values[1] = b;
      bank.update(0, 2, values, out, 2, 3);
    }
    expect([bank.count(0), bank.count(1)]).toEqual([3, 2]);
    // Series 0 holds 1, 2, 3: z(3) = 1 after adding. Series 1 holds 10, 20: mean 15, σ = √50, z(20) = 5 / √50 = 0.7071.
    expect(out[0]).toBeCloseTo(1, 12);
    expect(out[1]).toBeCloseTo(5 / Math.sqrt(50), 12);
    // scoreInto judges 7 against 1, 2, 3 (mean 2, σ 1) without adding it: z = 5.
    bank.scoreInto(0, 7, out, 0);
    expect(out[0]).toBeCloseTo(5, 12);
    expect(bank.count(0)).toBe(3);
    expect(bank.mean(0)).toBeCloseTo(2, 12);
  });

  it('refuses a bank too large for 32-bit offsets before allocating it', () => {
    // 2^20 series × (3 + 2^11) doubles = 2,150,629,376 > 2^31 − 1: refused before the 16 GiB allocation.
    expect(() => new RollingStatsBank(2 ** 20, 2 ** 11)).toThrow(
      '1048576 series of window 2048 exceed 2147483647 values',
    );
  });
});
