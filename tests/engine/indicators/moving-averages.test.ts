import { describe, expect, it } from 'vitest';
import { Ema } from '../../../src-main/engine/indicators/ema';
import { Sma } from '../../../src-main/engine/indicators/sma';
import { Wma } from '../../../src-main/engine/indicators/wma';
import { collect, expectSeriesClose } from './compare';
import { randomOhlcv } from './series';
import { talibLine } from './talib-reference';

const N = 20_000;
const { close } = randomOhlcv(11, N);

describe('SMA', () => {
  it('averages the last `period` values (hand-computed)', () => {
    const sma = new Sma(3);
    // (1+2+3)/3 = 2, (2+3+4)/3 = 3, (3+4+8)/3 = 5
    expect([1, 2, 3, 4, 8].map((x) => sma.update(x))).toEqual([NaN, NaN, 2, 3, 5]);
    expect(sma.ready).toBe(true);
    expect(sma.value).toBe(5);
  });

  it('is NaN and not ready until `period` values arrived', () => {
    const sma = new Sma(4);
    expect(sma.warmUp).toBe(4);
    for (const x of [1, 2, 3]) expect(sma.update(x)).toBeNaN();
    expect(sma.ready).toBe(false);
    expect(sma.value).toBeNaN();
    expect(sma.update(4)).toBe(2.5);
    expect(sma.ready).toBe(true);
  });

  it('with period 1 is the input itself', () => {
    const sma = new Sma(1);
    expect([5, 7.25, 3].map((x) => sma.update(x))).toEqual([5, 7.25, 3]);
  });

  it.each([2, 20, 200])('matches TA-Lib SMA(%i) within 1e-9 on 20 000 bars', (period) => {
    const sma = new Sma(period);
    const ours = collect(N, (i) => sma.update(close[i]!));
    const reference = talibLine('SMA', N, { inReal: close, optInTimePeriod: period });
    expect(expectSeriesClose(ours, reference)).toBe(N - period + 1);
  });
});

describe('EMA', () => {
  it('is seeded with the SMA of the first `period` values, then smooths with k = 2/(n+1) (hand-computed)', () => {
    const ema = new Ema(3);
    // seed (1+2+3)/3 = 2; k = 0.5: 2 + 0.5·(4−2) = 3; 3 + 0.5·(9−3) = 6
    expect([1, 2, 3, 4, 9].map((x) => ema.update(x))).toEqual([NaN, NaN, 2, 3, 6]);
    expect(ema.k).toBe(0.5);
  });

  it('skips the first `skip` values before its seed window (the MACD fast line)', () => {
    const ema = new Ema(2, { skip: 2 });
    expect(ema.warmUp).toBe(4);
    // seed = (30+50)/2 = 40; k = 2/3: 40 + (2/3)·(10−40) = 20
    expect([100, 200, 30, 50, 10].map((x) => ema.update(x))).toEqual([NaN, NaN, NaN, 40, 20]);
  });

  it('with period 1 is the input itself (k = 1)', () => {
    const ema = new Ema(1);
    expect([5, 7.25, 3].map((x) => ema.update(x))).toEqual([5, 7.25, 3]);
  });

  it.each([2, 5, 12, 26, 200])('matches TA-Lib EMA(%i) within 1e-9 on 20 000 bars', (period) => {
    const ema = new Ema(period);
    const ours = collect(N, (i) => ema.update(close[i]!));
    const reference = talibLine('EMA', N, { inReal: close, optInTimePeriod: period });
    expect(expectSeriesClose(ours, reference)).toBe(N - period + 1);
  });
});

describe('WMA', () => {
  it('weights the newest value most (hand-computed)', () => {
    const wma = new Wma(3);
    // (1·1 + 2·2 + 3·3)/6 = 14/6; (1·2 + 2·3 + 3·4)/6 = 20/6; (1·3 + 2·4 + 3·0)/6 = 11/6
    const out = [1, 2, 3, 4, 0].map((x) => wma.update(x));
    expect(out.slice(0, 2)).toEqual([NaN, NaN]);
    expect(out[2]).toBeCloseTo(14 / 6, 15);
    expect(out[3]).toBeCloseTo(20 / 6, 15);
    expect(out[4]).toBeCloseTo(11 / 6, 15);
  });

  it('with period 1 is the input itself', () => {
    const wma = new Wma(1);
    expect([5, 7.25, 3].map((x) => wma.update(x))).toEqual([5, 7.25, 3]);
  });

  // TA-Lib's WMA keeps its running sums uncorrected, so its own error grows with the series (2.4e-9 from
  // the exact sum by bar 20 000 for period 2, measured); it is compared on the first 5 000 bars, and the
  // whole series is compared with the exact O(period) weighted sum.
  it.each([2, 10, 30, 250])('matches TA-Lib WMA(%i) within 1e-9 on 5 000 bars', (period) => {
    const n = 5_000;
    const wma = new Wma(period);
    const ours = collect(n, (i) => wma.update(close[i]!));
    const reference = talibLine('WMA', n, { inReal: close.slice(0, n), optInTimePeriod: period });
    expect(expectSeriesClose(ours, reference)).toBe(n - period + 1);
  });

  it.each([2, 10, 250])('matches the exact weighted sum of WMA(%i) within 1e-11 on 20 000 bars', (period) => {
    const wma = new Wma(period);
    const ours = collect(N, (i) => wma.update(close[i]!));
    const exact = collect(N, (i) => {
      if (i < period - 1) return NaN;
      let weighted = 0;
      for (let w = 1; w <= period; w++) weighted += w * close[i - period + w]!;
      return weighted / ((period * (period + 1)) / 2);
    });
    expect(expectSeriesClose(ours, exact, 1e-11)).toBe(N - period + 1);
  });

  it('does not drift over a million updates (compared with a plain O(period) weighted sum)', () => {
    const period = 7;
    const long = randomOhlcv(5, 1_000_000, 40_000).close;
    const wma = new Wma(period);
    let worst = 0;
    for (let i = 0; i < long.length; i++) {
      const ours = wma.update(long[i]!);
      if (i < period - 1 || i % 997 !== 0) continue;
      let weighted = 0;
      for (let w = 1; w <= period; w++) weighted += w * long[i - period + w]!;
      worst = Math.max(worst, Math.abs(ours - weighted / 28));
    }
    // Prices near 40 000: 1e-9 is a few units in the last place.
    expect(worst).toBeLessThan(1e-9);
  });
});
