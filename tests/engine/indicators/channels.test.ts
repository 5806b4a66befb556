import { describe, expect, it } from 'vitest';
import { Donchian } from '../../../src-main/engine/indicators/donchian';
import { Keltner } from '../../../src-main/engine/indicators/keltner';
import { Obv } from '../../../src-main/engine/indicators/obv';
import { collect, expectSeriesClose } from './compare';
import { randomOhlcv } from './series';
import { talibLine } from './talib-reference';

const N = 20_000;
const { high, low, close, volume } = randomOhlcv(53, N);

describe('Donchian channel', () => {
  it('spans the highest high and lowest low of the window, current bar included (hand-computed)', () => {
    const channel = new Donchian(3);
    expect(channel.update(10, 8)).toBeNaN();
    expect(channel.update(12, 9)).toBeNaN();
    expect(channel.update(11, 7)).toBe(9.5); // highs 10 12 11, lows 8 9 7 → (12 + 7)/2
    expect(channel.update(9, 8)).toBe(9.5); // 12 and 7 still inside
    expect(channel.update(9, 8.5)).toBe(9); // 12 has left: (11 + 7)/2
    expect(channel.update(9, 8.5)).toBe(8.5); // 7 has left: (9 + 8)/2
    expect([channel.upper, channel.lower]).toEqual([9, 8]);
  });

  it.each([2, 20, 55])('matches TA-Lib MAX(high), MIN(low) and MIDPRICE (period %i) exactly', (period) => {
    const channel = new Donchian(period);
    const middle: number[] = [];
    const upper: number[] = [];
    const lower: number[] = [];
    for (let i = 0; i < N; i++) {
      middle.push(channel.update(high[i]!, low[i]!));
      upper.push(channel.upper);
      lower.push(channel.lower);
    }
    expect(expectSeriesClose(upper, talibLine('MAX', N, { inReal: high, optInTimePeriod: period }), 0)).toBe(
      N - period + 1,
    );
    expect(expectSeriesClose(lower, talibLine('MIN', N, { inReal: low, optInTimePeriod: period }), 0)).toBe(
      N - period + 1,
    );
    expectSeriesClose(middle, talibLine('MIDPRICE', N, { high, low, optInTimePeriod: period }), 0);
  });
});

describe('Keltner channel', () => {
  it('puts the bands `multiplier` ATRs around an EMA (hand-computed)', () => {
    const channel = new Keltner(2, 2, 1.5);
    expect(channel.warmUp).toBe(3);
    channel.update(10, 8, 9);
    // EMA(2) is ready here (9.5) but ATR(2) is not: the channel waits for both.
    expect(channel.update(11, 9, 10)).toBeNaN();
    // EMA 9.5 + ⅔(11.5 − 9.5) = 65/6; ATR (2 + 2)/2 = 2
    expect(channel.update(12, 11, 11.5)).toBeCloseTo(65 / 6, 14);
    expect(channel.upper).toBeCloseTo(65 / 6 + 3, 14);
    expect(channel.lower).toBeCloseTo(65 / 6 - 3, 14);
    // EMA 65/6 + ⅔(10.5 − 65/6) = 191/18; ATR (2 + 1.5)/2 = 1.75
    expect(channel.update(11, 10, 10.5)).toBeCloseTo(191 / 18, 14);
    expect(channel.upper).toBeCloseTo(191 / 18 + 2.625, 14);
  });

  it('matches TA-Lib EMA(20) ± 2 × TA-Lib ATR(10) within 1e-9', () => {
    const channel = new Keltner();
    const middle: number[] = [];
    const upper: number[] = [];
    const lower: number[] = [];
    for (let i = 0; i < N; i++) {
      middle.push(channel.update(high[i]!, low[i]!, close[i]!));
      upper.push(channel.upper);
      lower.push(channel.lower);
    }
    const ema = talibLine('EMA', N, { inReal: close, optInTimePeriod: 20 });
    const atr = talibLine('ATR', N, { high, low, close, optInTimePeriod: 10 });
    expect(expectSeriesClose(middle, ema)).toBe(N - 19);
    expectSeriesClose(
      upper,
      ema.map((m, i) => m + 2 * atr[i]!),
    );
    expectSeriesClose(
      lower,
      ema.map((m, i) => m - 2 * atr[i]!),
    );
  });
});

describe('OBV', () => {
  it('starts at the first volume and adds or subtracts by the direction of the close (hand-computed)', () => {
    const obv = new Obv();
    expect(obv.ready).toBe(false);
    expect(obv.value).toBeNaN();
    const out = [
      [10, 100],
      [11, 50], // up: +50
      [11, 30], // unchanged close: kept
      [9, 20], // down: −20
    ].map(([c, v]) => obv.update(c!, v!));
    expect(out).toEqual([100, 150, 150, 130]);
    expect(obv.ready).toBe(true);
  });

  it('matches TA-Lib OBV exactly on 20 000 bars', () => {
    const obv = new Obv();
    const ours = collect(N, (i) => obv.update(close[i]!, volume[i]!));
    expect(expectSeriesClose(ours, talibLine('OBV', N, { inReal: close, volume }), 0)).toBe(N);
  });
});
