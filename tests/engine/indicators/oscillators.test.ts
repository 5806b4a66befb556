import { describe, expect, it } from 'vitest';
import { Adx } from '../../../src-main/engine/indicators/adx';
import { Dmi } from '../../../src-main/engine/indicators/dmi';
import { Stochastic } from '../../../src-main/engine/indicators/stochastic';
import { expectSeriesClose } from './compare';
import { randomOhlcv } from './series';
import { talibLine, talibSeries } from './talib-reference';

const N = 20_000;
const { high, low, close } = randomOhlcv(41, N);

describe('Stochastic (slow)', () => {
  it('smooths fast %K into slow %K and slow %K into %D (hand-computed)', () => {
    const stoch = new Stochastic(3, 2, 2);
    expect(stoch.warmUp).toBe(5);
    const bars = [
      [10, 8, 9],
      [11, 9, 10],
      [12, 10, 11], // window 8…12: fast %K = 100·(11 − 8)/4 = 75
      [12, 9, 9], // window 9…12: fast %K = 0; slow %K = (75 + 0)/2 = 37.5
      [14, 11, 13], // window 9…14: fast %K = 80; slow %K = 40; %D = (37.5 + 40)/2 = 38.75
    ] as const;
    const out = bars.map(([h, l, c]) => stoch.update(h, l, c));
    expect(out).toEqual([NaN, NaN, NaN, NaN, 40]);
    expect([stoch.k, stoch.d, stoch.ready]).toEqual([40, 38.75, true]);
  });

  it('reads a window without range as 50 (TA-Lib writes 0)', () => {
    const stoch = new Stochastic(2, 1, 1);
    stoch.update(5, 5, 5);
    expect(stoch.update(5, 5, 5)).toBe(50);
  });

  it.each([
    [14, 3, 3],
    [5, 3, 3],
    [21, 1, 5],
  ])('matches TA-Lib STOCH(%i,%i,%i, SMA) on %K and %D within 1e-9', (kPeriod, kSmoothing, dPeriod) => {
    const stoch = new Stochastic(kPeriod, kSmoothing, dPeriod);
    const k: number[] = [];
    const d: number[] = [];
    for (let i = 0; i < N; i++) {
      k.push(stoch.update(high[i]!, low[i]!, close[i]!));
      d.push(stoch.d);
    }
    const reference = talibSeries('STOCH', N, {
      high,
      low,
      close,
      optInFastK_Period: kPeriod,
      optInSlowK_Period: kSmoothing,
      optInSlowK_MAType: 0,
      optInSlowD_Period: dPeriod,
      optInSlowD_MAType: 0,
    });
    const expected = N - (kPeriod + kSmoothing + dPeriod - 3);
    expect(expectSeriesClose(k, reference.outSlowK!)).toBe(expected);
    expect(expectSeriesClose(d, reference.outSlowD!)).toBe(expected);
  });
});

describe('DMI and ADX', () => {
  // Hand-computed with period 2 (Wilder smoothing S = S − S/2 + today, first S = the first value):
  // bar 1: +DM 1, TR 2 (summed). bar 2: +DM 1, TR 2 → S(+DM) = 1.5, S(TR) = 3: +DI 50, −DI 0, DX 100.
  // bar 3: −DM 2, TR 3 → S(+DM) 0.75, S(−DM) 2, S(TR) 4.5: +DI 50/3, −DI 400/9, DX 500/11; ADX (100 + 500/11)/2.
  // bar 4: no DM, TR 3 → S(+DM) 0.375, S(−DM) 1, S(TR) 5.25: DX 500/11 again; ADX (1600/22 + 500/11)/2.
  const bars = [
    [10, 8, 9],
    [11, 9, 10],
    [12, 10, 11],
    [11, 8, 9],
    [11, 8, 9],
  ] as const;

  it('computes +DI, −DI and DX with TA-Lib’s Wilder seed (hand-computed)', () => {
    const dmi = new Dmi(2);
    const dx = bars.map(([h, l, c]) => dmi.update(h, l, c));
    expect(dx.slice(0, 3)).toEqual([NaN, NaN, 100]);
    expect(dx[3]).toBeCloseTo(500 / 11, 12);
    expect(dmi.plusDI).toBeCloseTo(37.5 / 5.25, 12);
    expect(dmi.minusDI).toBeCloseTo(100 / 5.25, 12);
    expect(dx[4]).toBeCloseTo(500 / 11, 12);
  });

  it('averages the first DX values into ADX, then smooths it (hand-computed)', () => {
    const adx = new Adx(2);
    expect(adx.warmUp).toBe(4);
    const out = bars.map(([h, l, c]) => adx.update(h, l, c));
    expect(out.slice(0, 3)).toEqual([NaN, NaN, NaN]);
    expect(out[3]).toBeCloseTo(1600 / 22, 12);
    expect(out[4]).toBeCloseTo(2600 / 44, 12);
    expect(adx.dmi.ready).toBe(true);
  });

  it('without any movement: DI and DX are 0, and ADX holds until a direction appears (as TA-Lib)', () => {
    const adx = new Adx(2);
    for (let i = 0; i < 5; i++) adx.update(10, 10, 10);
    expect([adx.value, adx.dmi.plusDI, adx.dmi.minusDI, adx.dmi.dx, adx.dmi.hasDirection]).toEqual([
      0,
      0,
      0,
      0,
      false,
    ]);
    // An up bar: +DM 1, TR 1 → S(+DM) 1, S(TR) 1 → +DI 100, DX 100; ADX (0·1 + 100)/2 = 50
    expect(adx.update(11, 10, 11)).toBe(50);
    expect(adx.dmi.hasDirection).toBe(true);
  });

  it.each([2, 14, 30])('matches TA-Lib PLUS_DI, MINUS_DI, DX and ADX (period %i) within 1e-9', (period) => {
    const adx = new Adx(period);
    const plus: number[] = [];
    const minus: number[] = [];
    const dx: number[] = [];
    const values: number[] = [];
    for (let i = 0; i < N; i++) {
      values.push(adx.update(high[i]!, low[i]!, close[i]!));
      plus.push(adx.dmi.plusDI);
      minus.push(adx.dmi.minusDI);
      dx.push(adx.dmi.dx);
    }
    const inputs = { high, low, close, optInTimePeriod: period };
    expect(expectSeriesClose(plus, talibLine('PLUS_DI', N, inputs))).toBe(N - period);
    expect(expectSeriesClose(minus, talibLine('MINUS_DI', N, inputs))).toBe(N - period);
    expect(expectSeriesClose(dx, talibLine('DX', N, inputs))).toBe(N - period);
    expect(expectSeriesClose(values, talibLine('ADX', N, inputs))).toBe(N - 2 * period + 1);
  });
});
