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
  SwingPoints,
  Wma,
  ZScore,
} from '../../../src-main/engine/indicators';

describe('indicator parameters', () => {
  it.each([
    [() => new Sma(0), 'SMA period must be a whole number from 1 to 100000, got 0'],
    [() => new Ema(2.5), 'EMA period must be a whole number from 1 to 100000, got 2.5'],
    [() => new Ema(3, { skip: -1 }), 'EMA skip must be a whole number from 1 to 100000, got -1'],
    [() => new Wma(100_001), 'WMA period must be a whole number from 1 to 100000, got 100001'],
    [() => new Rsi(1), 'RSI period must be a whole number from 2 to 100000, got 1'],
    [
      () => new Macd(26, 12, 9),
      'MACD fast period must be shorter than the slow period, got fast 26 and slow 12',
    ],
    [() => new Macd(12, 26, 0), 'MACD signal period must be a whole number from 1 to 100000, got 0'],
    [() => new Bollinger(20, -1), 'Bollinger multiplier must be a finite number ≥ 0, got -1'],
    [() => new Bollinger(Number.NaN), 'Bollinger period must be a whole number from 1 to 100000, got NaN'],
    [() => new Stochastic(14, 0), 'Stochastic %K smoothing must be a whole number from 1 to 100000, got 0'],
    [() => new Atr(0), 'ATR period must be a whole number from 1 to 100000, got 0'],
    [() => new Dmi(1), 'DMI period must be a whole number from 2 to 100000, got 1'],
    [() => new Adx(1), 'ADX period must be a whole number from 2 to 100000, got 1'],
    [
      () => new Ichimoku(9, 26, 52, 0),
      'Ichimoku displacement must be a whole number from 1 to 100000, got 0',
    ],
    [() => new Donchian(-3), 'Donchian period must be a whole number from 1 to 100000, got -3'],
    [() => new Keltner(20, 0), 'Keltner ATR period must be a whole number from 1 to 100000, got 0'],
    [() => new Keltner(20, 10, Infinity), 'Keltner multiplier must be a finite number ≥ 0, got Infinity'],
    [
      () => new RollingStdDev(1, { sample: true }),
      'rolling σ period must be a whole number from 2 to 100000, got 1',
    ],
    [() => new ZScore(0), 'z-score period must be a whole number from 1 to 100000, got 0'],
    [() => new SwingPoints(5, 0), 'Swing points right must be a whole number from 1 to 100000, got 0'],
  ])('refuses a bad parameter with a message naming it (%#)', (create, message) => {
    expect(create).toThrow(new RangeError(message));
  });
});

describe('indicator inputs', () => {
  it.each([
    [() => new Sma(3).update(Number.NaN), 'SMA(3): value must be a finite number, got NaN'],
    [() => new Ema(3).update(Infinity), 'EMA(3): value must be a finite number, got Infinity'],
    [() => new Wma(3).update(Number.NaN), 'WMA(3): value must be a finite number, got NaN'],
    [() => new Rsi(14).update(Number.NaN), 'RSI(14): close must be a finite number, got NaN'],
    [() => new Macd().update(Number.NaN), 'MACD(12,26,9): close must be a finite number, got NaN'],
    [
      () => new Bollinger().update(-Infinity),
      'Bollinger(20,2): close must be a finite number, got -Infinity',
    ],
    [
      () => new Stochastic().update(1, Number.NaN, 1),
      'Stochastic(14,3,3): low must be a finite number, got NaN',
    ],
    [() => new Atr().update(Number.NaN, 1, 1), 'ATR(14): high must be a finite number, got NaN'],
    [() => new Dmi().update(1, 1, Number.NaN), 'DMI(14): close must be a finite number, got NaN'],
    [() => new Adx().update(1, Number.NaN, 1), 'ADX(14): low must be a finite number, got NaN'],
    [
      () => new Ichimoku().update(1, 1, Number.NaN),
      'Ichimoku(9,26,52,26): close must be a finite number, got NaN',
    ],
    [() => new Obv().update(1, Number.NaN), 'OBV: volume must be a finite number, got NaN'],
    [() => new Donchian().update(Number.NaN, 1), 'Donchian(20): high must be a finite number, got NaN'],
    [
      () => new Keltner().update(1, 1, Infinity),
      'Keltner(20,10,2): close must be a finite number, got Infinity',
    ],
    [() => new RollingStdDev(5).update(Number.NaN), 'σ(5): value must be a finite number, got NaN'],
    [() => new ZScore(5).update(Number.NaN), 'z(5): value must be a finite number, got NaN'],
    [
      () => new SwingPoints().update(1, 1, Number.NaN),
      'Swing points(5,5): time must be a finite number, got NaN',
    ],
  ])('refuses a non-finite input with a message naming the indicator and field (%#)', (update, message) => {
    expect(update).toThrow(new RangeError(message));
  });

  it('leaves the indicator unchanged when it refuses an input', () => {
    const ema = new Ema(2);
    ema.update(1);
    ema.update(3);
    expect(() => ema.update(Number.NaN)).toThrow();
    expect(ema.update(5)).toBeCloseTo(2 + (2 / 3) * 3, 14);
  });
});
