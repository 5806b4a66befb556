import { describe, expect, it } from 'vitest';
import {
  Adx,
  Atr,
  Bollinger,
  Dmi,
  Donchian,
  Ema,
  Ichimoku,
  Keltner,
  Macd,
  Obv,
  RollingStdDev,
  Rsi,
  Sma,
  Stochastic,
  Wma,
  ZScore,
  type Indicator,
} from '../../../src-main/engine/indicators';
import { randomOhlcv } from './series';

const bars = randomOhlcv(71, 200);

interface Case {
  indicator: Indicator;
  /** Feeds bar i; returns what update returned. */
  step: (i: number) => number;
  /** The warm-up TA-Lib's lookback implies (lookback + 1), or ours where TA-Lib has no function. */
  warmUp: number;
  /** Other names the primary value is exposed under. */
  aliases?: () => number[];
}

function closeCase(indicator: Indicator & { update(x: number): number }, warmUp: number): Case {
  return { indicator, step: (i) => indicator.update(bars.close[i]!), warmUp };
}

function hlcCase(
  indicator: Indicator & { update(h: number, l: number, c: number): number },
  warmUp: number,
  aliases?: () => number[],
): Case {
  return {
    indicator,
    step: (i) => indicator.update(bars.high[i]!, bars.low[i]!, bars.close[i]!),
    warmUp,
    ...(aliases ? { aliases } : {}),
  };
}

const macd = new Macd();
const bollinger = new Bollinger();
const stochastic = new Stochastic();
const dmi = new Dmi();
const donchian = new Donchian();
const keltner = new Keltner();
const ichimoku = new Ichimoku();
const obv = new Obv();

const cases: Record<string, Case> = {
  'SMA(20)': closeCase(new Sma(20), 20),
  'EMA(20)': closeCase(new Ema(20), 20),
  'WMA(20)': closeCase(new Wma(20), 20),
  'RSI(14)': closeCase(new Rsi(14), 15),
  'MACD(12,26,9)': { ...closeCase(macd, 34), aliases: () => [macd.macd] },
  'Bollinger(20,2)': { ...closeCase(bollinger, 20), aliases: () => [bollinger.middle] },
  'σ(20)': closeCase(new RollingStdDev(20), 20),
  'z(20)': closeCase(new ZScore(20), 20),
  'Stochastic(14,3,3)': hlcCase(stochastic, 18, () => [stochastic.k]),
  'ATR(14)': hlcCase(new Atr(14), 15),
  'DMI(14)': hlcCase(dmi, 15, () => [dmi.dx]),
  'ADX(14)': hlcCase(new Adx(14), 28),
  'Keltner(20,10,2)': hlcCase(keltner, 20, () => [keltner.middle]),
  'Ichimoku(9,26,52,26)': hlcCase(ichimoku, 78, () => [ichimoku.tenkan]),
  'Donchian(20)': {
    indicator: donchian,
    step: (i) => donchian.update(bars.high[i]!, bars.low[i]!),
    warmUp: 20,
    aliases: () => [donchian.middle],
  },
  OBV: { indicator: obv, step: (i) => obv.update(bars.close[i]!, bars.volume[i]!), warmUp: 1 },
};

describe('the shared convention: NaN until ready, ready after exactly `warmUp` updates', () => {
  it.each(Object.entries(cases))('%s', (_name, { indicator, step, warmUp, aliases }) => {
    expect(indicator.warmUp).toBe(warmUp);
    for (let i = 0; i < bars.close.length; i++) {
      const returned = step(i);
      const ready = i + 1 >= warmUp;
      expect(indicator.ready).toBe(ready);
      expect(Number.isFinite(returned)).toBe(ready);
      expect(indicator.value).toBe(returned);
      for (const alias of aliases?.() ?? []) expect(alias).toBe(returned);
    }
  });
});
