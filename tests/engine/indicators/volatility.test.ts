import { describe, expect, it } from 'vitest';
import { Atr } from '../../../src-main/engine/indicators/atr';
import { Bollinger } from '../../../src-main/engine/indicators/bollinger';
import { RollingStdDev } from '../../../src-main/engine/indicators/rolling-stddev';
import { trueRange } from '../../../src-main/engine/indicators/true-range';
import { ZScore } from '../../../src-main/engine/indicators/z-score';
import { collect, expectSeriesClose } from './compare';
import { randomOhlcv } from './series';
import { talibLine, talibSeries } from './talib-reference';

const N = 20_000;
const bars = randomOhlcv(37, N);
const { high, low, close } = bars;

/** Exact two-pass mean and σ of close[i − period + 1 … i]: the plain O(period) reference. */
function twoPass(
  values: number[],
  i: number,
  period: number,
  sample = false,
): { mean: number; sigma: number } {
  let sum = 0;
  for (let j = i - period + 1; j <= i; j++) sum += values[j]!;
  const mean = sum / period;
  let squares = 0;
  for (let j = i - period + 1; j <= i; j++) squares += (values[j]! - mean) ** 2;
  return { mean, sigma: Math.sqrt(squares / (sample ? period - 1 : period)) };
}

describe('Bollinger Bands', () => {
  it('puts the bands `multiplier` population σ from the mean (hand-computed)', () => {
    const bands = new Bollinger(3, 2);
    bands.update(1);
    expect(bands.update(2)).toBeNaN();
    expect(bands.upper).toBeNaN();
    // mean 2, population variance (1 + 0 + 1)/3 = 2/3
    expect(bands.update(3)).toBe(2);
    expect(bands.stdDev).toBeCloseTo(Math.sqrt(2 / 3), 15);
    expect(bands.upper).toBeCloseTo(2 + 2 * Math.sqrt(2 / 3), 14);
    expect(bands.lower).toBeCloseTo(2 - 2 * Math.sqrt(2 / 3), 14);
  });

  it.each([
    [20, 2],
    [5, 1.5],
    [100, 2.5],
  ])('matches TA-Lib BBANDS(%i, %f, SMA) within 1e-9', (period, multiplier) => {
    const bands = new Bollinger(period, multiplier);
    const middle: number[] = [];
    const upper: number[] = [];
    const lower: number[] = [];
    for (const x of close) {
      middle.push(bands.update(x));
      upper.push(bands.upper);
      lower.push(bands.lower);
    }
    const reference = talibSeries('BBANDS', N, {
      inReal: close,
      optInTimePeriod: period,
      optInNbDevUp: multiplier,
      optInNbDevDn: multiplier,
      optInMAType: 0,
    });
    expect(expectSeriesClose(middle, reference.outRealMiddleBand!)).toBe(N - period + 1);
    expect(expectSeriesClose(upper, reference.outRealUpperBand!)).toBe(N - period + 1);
    expect(expectSeriesClose(lower, reference.outRealLowerBand!)).toBe(N - period + 1);
  });
});

describe('rolling σ and z-score', () => {
  it('computes population σ by default and sample σ on request (hand-computed)', () => {
    const population = new RollingStdDev(4);
    const sample = new RollingStdDev(4, { sample: true });
    for (const x of [2, 4, 4, 4, 5, 5, 7, 9]) {
      population.update(x);
      sample.update(x);
    }
    // last four: 5, 5, 7, 9 → mean 6.5, squared deviations 2.25 + 2.25 + 0.25 + 6.25 = 11
    expect(population.mean).toBe(6.5);
    expect(population.variance).toBeCloseTo(11 / 4, 14);
    expect(population.value).toBeCloseTo(Math.sqrt(11 / 4), 14);
    expect(sample.value).toBeCloseTo(Math.sqrt(11 / 3), 14);
  });

  it('gives the z-score of the newest value within its window, 0 when the window is flat', () => {
    const z = new ZScore(4);
    expect([5, 5, 7].map((x) => z.update(x))).toEqual([NaN, NaN, NaN]);
    expect(z.stdDev.mean).toBeNaN();
    // window 5, 5, 7, 9 → (9 − 6.5)/√2.75
    expect(z.update(9)).toBeCloseTo(2.5 / Math.sqrt(2.75), 14);
    const flat = new ZScore(2);
    flat.update(3);
    expect(flat.update(3)).toBe(0);
  });

  // TA-Lib computes the variance as Σx²/n − mean², which loses ~eps·x² of absolute accuracy; taking the
  // square root of a tiny variance magnifies that (STDDEV(2) is 1.6e-9 off at bar 1 223 of this series,
  // where two closes a cent apart give σ = 0.005). So σ is checked against an exact two-pass computation,
  // and the variance, where TA-Lib is accurate, against TA-Lib VAR.
  it.each([2, 20, 252])('matches TA-Lib VAR(%i) and an exact two-pass σ within 1e-9', (period) => {
    const sigma = new RollingStdDev(period);
    const variances: number[] = [];
    const ours = collect(N, (i) => {
      const value = sigma.update(close[i]!);
      variances.push(sigma.variance);
      return value;
    });
    const reference = talibLine('VAR', N, { inReal: close, optInTimePeriod: period, optInNbDev: 1 });
    expect(expectSeriesClose(variances, reference)).toBe(N - period + 1);
    const exact = collect(N, (i) => (i < period - 1 ? NaN : twoPass(close, i, period).sigma));
    expect(expectSeriesClose(ours, exact)).toBe(N - period + 1);
  });

  it('matches an exact two-pass sample σ and z-score within 1e-9', () => {
    const period = 30;
    const z = new ZScore(period, { sample: true });
    const ours = collect(N, (i) => z.update(close[i]!));
    const exact = collect(N, (i) => {
      if (i < period - 1) return NaN;
      const { mean, sigma } = twoPass(close, i, period, true);
      return (close[i]! - mean) / sigma;
    });
    expect(expectSeriesClose(ours, exact)).toBe(N - period + 1);
  });

  it('reports σ = 0 once an outlier leaves an otherwise flat window (no leftover rounding)', () => {
    const sigma = new RollingStdDev(3);
    for (const x of [100.37, 87.91, 87.91]) sigma.update(x);
    expect(sigma.value).toBeGreaterThan(5);
    // The sliding update alone would leave ≈1e-7 here: M2 ≈ 103 minus ≈ 103.
    expect(sigma.update(87.91)).toBeLessThan(1e-12);
  });

  it('matches an exact two-pass σ within 1e-9 on prediction-market prices (0–1 in cents, flat windows)', () => {
    const cheap = randomOhlcv(4, N, 0.5).close;
    for (const period of [2, 5, 20]) {
      const sigma = new RollingStdDev(period);
      const ours = collect(N, (i) => sigma.update(cheap[i]!));
      const exact = collect(N, (i) => (i < period - 1 ? NaN : twoPass(cheap, i, period).sigma));
      expect(expectSeriesClose(ours, exact)).toBe(N - period + 1);
    }
  });

  it('does not drift over a million bars at Bitcoin-like prices (two-pass check every 1 000 bars)', () => {
    const long = randomOhlcv(99, 1_000_000, 50_000).close;
    const period = 252;
    const sigma = new RollingStdDev(period);
    let worst = 0;
    for (let i = 0; i < long.length; i++) {
      const ours = sigma.update(long[i]!);
      if (i >= period && i % 1_000 === 0)
        worst = Math.max(worst, Math.abs(ours - twoPass(long, i, period).sigma));
    }
    expect(worst).toBeLessThan(1e-9);
  });
});

describe('ATR (Wilder)', () => {
  it('takes the largest of the three ranges as the true range', () => {
    expect(trueRange(11, 9, 10)).toBe(2);
    expect(trueRange(15, 14, 10.5)).toBe(4.5); // gap up
    expect(trueRange(8, 7, 10)).toBe(3); // gap down
  });

  it('seeds with the mean of the first true ranges, then smooths Wilder-style (hand-computed)', () => {
    const atr = new Atr(2);
    expect(atr.update(10, 8, 9)).toBeNaN();
    expect(atr.trueRange).toBeNaN();
    expect(atr.update(11, 9, 10)).toBeNaN(); // TR 2
    expect(atr.update(12, 11, 11.5)).toBe(2); // TR max(1, 2, 1) = 2; seed (2 + 2)/2
    expect(atr.update(11, 10, 10.5)).toBe(1.75); // TR 1.5; (2·1 + 1.5)/2
    expect(atr.update(15, 14, 14.5)).toBe(3.125); // TR 4.5 (gap); (1.75 + 4.5)/2
    expect(atr.trueRange).toBe(4.5);
  });

  it.each([1, 2, 14, 50])('matches TA-Lib ATR(%i) within 1e-9 on 20 000 bars', (period) => {
    const atr = new Atr(period);
    const ours = collect(N, (i) => atr.update(high[i]!, low[i]!, close[i]!));
    const reference = talibLine('ATR', N, { high, low, close, optInTimePeriod: period });
    expect(expectSeriesClose(ours, reference)).toBe(N - period);
  });
});
