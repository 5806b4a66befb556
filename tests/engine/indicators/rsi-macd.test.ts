import { describe, expect, it } from 'vitest';
import { Macd } from '../../../src-main/engine/indicators/macd';
import { Rsi } from '../../../src-main/engine/indicators/rsi';
import { collect, expectSeriesClose } from './compare';
import { randomOhlcv } from './series';
import { talibLine, talibSeries } from './talib-reference';

const N = 20_000;
const { close } = randomOhlcv(23, N);

describe('RSI (Wilder)', () => {
  it('seeds with plain means of the first changes, then smooths Wilder-style (hand-computed)', () => {
    const rsi = new Rsi(2);
    // changes +1, +2, −1, +2. Seed: gain (1+2)/2 = 1.5, loss 0 → 100.
    // gain (1.5·1 + 0)/2 = 0.75, loss (0·1 + 1)/2 = 0.5 → 100·0.75/1.25 = 60.
    // gain (0.75 + 2)/2 = 1.375, loss 0.5/2 = 0.25 → 100·1.375/1.625 = 84.615384…
    const out = [1, 2, 4, 3, 5].map((x) => rsi.update(x));
    expect(out.slice(0, 4)).toEqual([NaN, NaN, 100, 60]);
    expect(out[4]).toBeCloseTo(1100 / 13, 12);
    expect(rsi.warmUp).toBe(3);
  });

  it('is 50 while nothing has moved (TA-Lib writes 0), then follows the first move', () => {
    const rsi = new Rsi(2);
    expect([5, 5, 5].map((x) => rsi.update(x))).toEqual([NaN, NaN, 50]);
    // gain (0·1 + 1)/2 = 0.5, loss 0 → 100
    expect(rsi.update(6)).toBe(100);
  });

  it.each([2, 14, 50])('matches TA-Lib RSI(%i) within 1e-9 on 20 000 bars', (period) => {
    const rsi = new Rsi(period);
    const ours = collect(N, (i) => rsi.update(close[i]!));
    const reference = talibLine('RSI', N, { inReal: close, optInTimePeriod: period });
    expect(expectSeriesClose(ours, reference)).toBe(N - period);
  });
});

describe('MACD', () => {
  it('seeds the fast EMA on the slow EMA’s first bar, as TA-Lib does (hand-computed)', () => {
    const macd = new Macd(2, 3, 2);
    expect(macd.warmUp).toBe(4);
    // bar 2: slow = (1+2+3)/3 = 2; fast = (2+3)/2 = 2.5 (not (1+2)/2); line 0.5.
    // bar 3: slow = 2 + ½(4−2) = 3; fast = 2.5 + ⅔(4−2.5) = 3.5; line 0.5; signal = (0.5+0.5)/2 = 0.5.
    // bar 4: slow = 3 + ½(2−3) = 2.5; fast = 3.5 + ⅔(2−3.5) = 2.5; line 0; signal = 0.5 + ⅔(0−0.5) = 1/6.
    const lines = [1, 2, 3, 4].map((x) => macd.update(x));
    expect(lines).toEqual([NaN, NaN, NaN, 0.5]);
    expect([macd.signal, macd.histogram]).toEqual([0.5, 0]);
    expect(macd.update(2)).toBeCloseTo(0, 14);
    expect(macd.signal).toBeCloseTo(1 / 6, 14);
    expect(macd.histogram).toBeCloseTo(-1 / 6, 14);
  });

  it('keeps every line NaN until the signal exists (34 bars for 12/26/9)', () => {
    const macd = new Macd();
    for (let i = 0; i < 33; i++) {
      expect(macd.update(close[i]!)).toBeNaN();
      expect([macd.signal, macd.histogram, macd.ready]).toEqual([NaN, NaN, false]);
    }
    expect(macd.update(close[33]!)).not.toBeNaN();
    expect(macd.ready).toBe(true);
  });

  it.each([
    [12, 26, 9],
    [5, 35, 5],
    [3, 10, 16],
  ])('matches TA-Lib MACD(%i,%i,%i) on all three lines within 1e-9', (fast, slow, signal) => {
    const macd = new Macd(fast, slow, signal);
    const lines: number[] = [];
    const signals: number[] = [];
    const histograms: number[] = [];
    for (const x of close) {
      lines.push(macd.update(x));
      signals.push(macd.signal);
      histograms.push(macd.histogram);
    }
    const reference = talibSeries('MACD', N, {
      inReal: close,
      optInFastPeriod: fast,
      optInSlowPeriod: slow,
      optInSignalPeriod: signal,
    });
    const expected = N - (slow + signal - 2);
    expect(expectSeriesClose(lines, reference.outMACD!)).toBe(expected);
    expect(expectSeriesClose(signals, reference.outMACDSignal!)).toBe(expected);
    expect(expectSeriesClose(histograms, reference.outMACDHist!)).toBe(expected);
  });
});
