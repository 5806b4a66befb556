import { describe, expect, it } from 'vitest';
import type { Bar } from '../../../src-shared/domain/market';
import { FEATURE_NAMES, type FeatureName } from '../../../src-main/engine/data/features';
import { NormalizationPipeline, RollingZScore } from '../../../src-main/engine/data/normalizer';
import { Rng } from '../../../src-main/engine/rng';
import { naiveWindow } from './naive-window';

const spec = { window: 252, clip: 3, minObservations: 20 };
const clip = (z: number): number => Math.max(-3, Math.min(3, z));

describe('RollingZScore', () => {
  it('matches the naive O(window) z-score within 1e-9 over 150,000 values around 1e6', () => {
    const rng = new Rng(3);
    const values = Float64Array.from(
      { length: 150_000 },
      (_, i) => 1e6 + rng.normal() * (1 + (i % 1000) / 500),
    );
    const scorer = new RollingZScore(spec);
    let worst = 0;
    for (let i = 0; i < values.length; i++) {
      const z = scorer.update(values[i]!);
      if (i + 1 < spec.minObservations) {
        expect(z).toBeNaN();
        continue;
      }
      worst = Math.max(worst, Math.abs(z - clip(naiveWindow(values, i + 1, spec.window).z)));
    }
    expect(worst).toBeLessThan(1e-9);
  });

  it('abstains (NaN) for the first 19 values, then scores over the values so far (hand-computed)', () => {
    const scorer = new RollingZScore({ window: 252, clip: 3, minObservations: 3 });
    expect(scorer.update(1)).toBeNaN();
    expect(scorer.update(2)).toBeNaN();
    // 1, 2, 3: mean 2, sample σ 1 → z(3) = 1.
    expect(scorer.update(3)).toBeCloseTo(1, 12);
    // 1, 2, 3, 4: mean 2.5, σ = √(5/3) → z(4) = 1.5 / 1.29099 = 1.161895.
    expect(scorer.update(4)).toBeCloseTo(1.5 / Math.sqrt(5 / 3), 12);
  });

  it('clips to ±3 and gives 0 on a flat window', () => {
    const scorer = new RollingZScore({ window: 100, clip: 3, minObservations: 2 });
    for (let i = 0; i < 50; i++) scorer.update(i % 2);
    expect(scorer.update(1000)).toBe(3);
    expect(scorer.update(-1e6)).toBe(-3);
    const flat = new RollingZScore({ window: 5, clip: 3, minObservations: 2 });
    for (let i = 0; i < 5; i++) expect(flat.update(7)).toBe(i === 0 ? NaN : 0);
  });
});

describe('NormalizationPipeline', () => {
  const bar = (i: number, open: number, high: number, low: number, close: number, volume: number): Bar => ({
    instrument: 'X',
    time: i,
    open,
    high,
    low,
    close,
    volume,
  });

  it('computes the raw features (hand-computed)', () => {
    const pipeline = new NormalizationPipeline(spec);
    const first = pipeline.update(bar(1, 100, 102, 99, 101, 0));
    expect(first.raw.return).toBeNaN();
    expect(first.raw.gap).toBeNaN();
    expect(first.raw.range).toBeCloseTo(3 / 101, 15);
    expect(first.raw.logVolume).toBe(0);
    const second = pipeline.update(bar(2, 103.02, 110, 100, 106.05, Math.E - 1));
    expect(second.raw.return).toBeCloseTo(0.05, 12); // 106.05 / 101 − 1
    expect(second.raw.logReturn).toBeCloseTo(Math.log(1.05), 12);
    expect(second.raw.gap).toBeCloseTo(0.02, 12); // 103.02 / 101 − 1
    expect(second.raw.range).toBeCloseTo(10 / 106.05, 15);
    expect(second.raw.logVolume).toBeCloseTo(1, 15); // ln(1 + e − 1)
    expect(second).toBe(first); // one object per instrument, updated in place
  });

  it('matches the naive reference per feature within 1e-9 on a long random series, and warms up', () => {
    const rng = new Rng(21);
    const pipeline = new NormalizationPipeline(spec);
    const raws: Record<FeatureName, number[]> = {
      return: [],
      logReturn: [],
      range: [],
      logVolume: [],
      gap: [],
    };
    let close = 1000;
    let worst = 0;
    for (let i = 0; i < 20_000; i++) {
      const open = close * (1 + 0.002 * rng.normal());
      close = open * Math.exp(0.01 * rng.normal());
      const high = Math.max(open, close) * (1 + 0.005 * rng.next());
      const low = Math.min(open, close) * (1 - 0.005 * rng.next());
      const features = pipeline.update(bar(i, open, high, low, close, Math.floor(1e6 * rng.next())));
      expect(features.ready).toBe(i >= spec.minObservations); // returns start on the second bar
      for (const name of FEATURE_NAMES) {
        const raw = features.raw[name];
        if (!Number.isFinite(raw)) continue;
        raws[name].push(raw);
        const n = raws[name].length;
        if (n < spec.minObservations) {
          expect(features.z[name]).toBeNaN();
          continue;
        }
        worst = Math.max(worst, Math.abs(features.z[name] - clip(naiveWindow(raws[name], n, spec.window).z)));
      }
    }
    expect(worst).toBeLessThan(1e-9);
    expect(pipeline.latest('X')?.observations).toBe(252);
    expect(pipeline.latest('Y')).toBeUndefined();
  });

  it('keeps instruments apart and refuses a warm-up below two observations', () => {
    const pipeline = new NormalizationPipeline({ window: 10, clip: 3, minObservations: 2 });
    pipeline.update(bar(1, 10, 11, 9, 10, 5));
    const other = pipeline.update({ ...bar(1, 50, 51, 49, 50, 5), instrument: 'Y' });
    expect(other.raw.return).toBeNaN();
    expect(pipeline.update(bar(2, 10, 11, 9, 11, 5)).raw.return).toBeCloseTo(0.1, 12);
    expect(() => new NormalizationPipeline({ window: 10, clip: 3, minObservations: 1 })).toThrow(
      'minObservations must be at least 2',
    );
  });
});
