import { describe, expect, it } from 'vitest';
import { Ichimoku } from '../../../src-main/engine/indicators/ichimoku';
import { expectSeriesClose } from './compare';
import { randomOhlcv } from './series';
import { talibLine } from './talib-reference';

const N = 20_000;
const { high, low, close } = randomOhlcv(67, N);

describe('Ichimoku', () => {
  it('computes every line and displaces the cloud and the lagging span (hand-computed)', () => {
    const cloud = new Ichimoku(2, 3, 4, 2);
    expect(cloud.warmUp).toBe(6);
    const bars = [
      [10, 8, 9],
      [11, 9, 10],
      [12, 10, 11],
      [13, 9, 12],
      [12, 11, 11.5],
    ] as const;
    for (const [h, l, c] of bars) expect(cloud.update(h, l, c)).toBeNaN();
    expect(cloud.ready).toBe(false);
    // bar 5 (14, 12, 13): tenkan = mid of bars 4–5 = (14 + 11)/2; kijun = mid of bars 3–5 = (14 + 9)/2;
    // senkou A = (12.5 + 11.5)/2; senkou B = mid of bars 2–5 = (14 + 9)/2.
    // The cloud under bar 5 was computed on bar 3: A = (mid(2–3) 11 + mid(1–3) 11)/2 = 11, B = mid(0–3) = 10.5.
    // Chikou is bar 5's close, compared with bar 3's close.
    expect(cloud.update(14, 12, 13)).toBe(12.5);
    expect({
      tenkan: cloud.tenkan,
      kijun: cloud.kijun,
      senkouA: cloud.senkouA,
      senkouB: cloud.senkouB,
      cloudA: cloud.cloudA,
      cloudB: cloud.cloudB,
      chikou: cloud.chikou,
      chikouReference: cloud.chikouReference,
    }).toEqual({
      tenkan: 12.5,
      kijun: 11.5,
      senkouA: 12,
      senkouB: 11.5,
      cloudA: 11,
      cloudB: 10.5,
      chikou: 13,
      chikouReference: 12,
    });
    expect(cloud.ready).toBe(true);
  });

  it('matches lines built from TA-Lib MIDPRICE (9/26/52, displacement 26) on 20 000 bars', () => {
    const cloud = new Ichimoku();
    const lines = {
      tenkan: [] as number[],
      kijun: [] as number[],
      senkouA: [] as number[],
      senkouB: [] as number[],
      cloudA: [] as number[],
      cloudB: [] as number[],
      chikou: [] as number[],
      chikouReference: [] as number[],
    };
    for (let i = 0; i < N; i++) {
      cloud.update(high[i]!, low[i]!, close[i]!);
      for (const key of Object.keys(lines) as (keyof typeof lines)[]) lines[key].push(cloud[key]);
    }
    const mid = (period: number): number[] =>
      talibLine('MIDPRICE', N, { high, low, optInTimePeriod: period });
    const tenkan = mid(9);
    const kijun = mid(26);
    const senkouB = mid(52);
    const senkouA = tenkan.map((t, i) => (t + kijun[i]!) / 2);
    const back = (series: number[], i: number): number => (i >= 26 ? series[i - 26]! : NaN);
    // Every line appears once the cloud under the bar exists: bar 52 − 1 + 26 = 77.
    const fromReady = (line: (i: number) => number): number[] =>
      Array.from({ length: N }, (_, i) => (i < 77 ? NaN : line(i)));
    const expected = N - 77;
    expect(
      expectSeriesClose(
        lines.tenkan,
        fromReady((i) => tenkan[i]!),
      ),
    ).toBe(expected);
    expect(
      expectSeriesClose(
        lines.kijun,
        fromReady((i) => kijun[i]!),
      ),
    ).toBe(expected);
    expect(
      expectSeriesClose(
        lines.senkouA,
        fromReady((i) => senkouA[i]!),
      ),
    ).toBe(expected);
    expect(
      expectSeriesClose(
        lines.senkouB,
        fromReady((i) => senkouB[i]!),
      ),
    ).toBe(expected);
    expect(
      expectSeriesClose(
        lines.cloudA,
        fromReady((i) => back(senkouA, i)),
      ),
    ).toBe(expected);
    expect(
      expectSeriesClose(
        lines.cloudB,
        fromReady((i) => back(senkouB, i)),
      ),
    ).toBe(expected);
    expect(
      expectSeriesClose(
        lines.chikou,
        fromReady((i) => close[i]!),
      ),
    ).toBe(expected);
    expect(
      expectSeriesClose(
        lines.chikouReference,
        fromReady((i) => back(close, i)),
      ),
    ).toBe(expected);
  });
});
