import { describe, expect, it } from 'vitest';
import { RollingStats } from '../../../src-main/engine/data/rolling-stats';
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
