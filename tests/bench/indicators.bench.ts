import { EMA, RSI, SMA } from 'trading-signals';
import { bench, describe } from 'vitest';
import {
  Adx,
  Bollinger,
  Ema,
  Ichimoku,
  Macd,
  Rsi,
  Sma,
  Stochastic,
  SwingPoints,
} from '../../src-main/engine/indicators';
import { randomOhlcv } from '../engine/indicators/series';

// Each benchmark op feeds UPDATES bars to an indicator that stays warm across ops, so
// updates per second = ops/s (hz) × UPDATES. Run: npx vitest bench --run tests/bench/indicators.bench.ts
const UPDATES = 100_000;
const bars = randomOhlcv(2024, UPDATES);
const close = Float64Array.from(bars.close);
const high = Float64Array.from(bars.high);
const low = Float64Array.from(bars.low);
const time = Float64Array.from(bars.time);

// Results are summed into a sink so the work cannot be optimised away.
let sink = 0;
const options = { time: 1_000, warmupTime: 200 };

function feedOurs(indicator: { update(x: number): number }): () => void {
  return () => {
    let total = 0;
    for (let i = 0; i < UPDATES; i++) total += indicator.update(close[i]!);
    sink += total;
  };
}

// trading-signals (maintained, MIT) exposes `add(x)` returning the value or null during warm-up.
function feedTradingSignals(indicator: { add(x: number): number | null }): () => void {
  return () => {
    let total = 0;
    for (let i = 0; i < UPDATES; i++) total += indicator.add(close[i]!) ?? 0;
    sink += total;
  };
}

describe(`SMA(20), ${UPDATES} updates per op`, () => {
  bench('BotV2 Sma', feedOurs(new Sma(20)), options);
  bench('trading-signals SMA', feedTradingSignals(new SMA(20)), options);
});

describe(`EMA(20), ${UPDATES} updates per op`, () => {
  bench('BotV2 Ema', feedOurs(new Ema(20)), options);
  bench('trading-signals EMA', feedTradingSignals(new EMA(20)), options);
});

describe(`RSI(14), ${UPDATES} updates per op`, () => {
  bench('BotV2 Rsi', feedOurs(new Rsi(14)), options);
  bench('trading-signals RSI', feedTradingSignals(new RSI(14)), options);
});

describe(`other BotV2 indicators, ${UPDATES} updates per op`, () => {
  bench('Macd(12,26,9)', feedOurs(new Macd()), options);
  bench('Bollinger(20,2)', feedOurs(new Bollinger()), options);
  const stochastic = new Stochastic();
  bench(
    'Stochastic(14,3,3)',
    () => {
      for (let i = 0; i < UPDATES; i++) sink += stochastic.update(high[i]!, low[i]!, close[i]!);
    },
    options,
  );
  const adx = new Adx();
  bench(
    'Adx(14)',
    () => {
      for (let i = 0; i < UPDATES; i++) sink += adx.update(high[i]!, low[i]!, close[i]!);
    },
    options,
  );
  const ichimoku = new Ichimoku();
  bench(
    'Ichimoku(9,26,52,26)',
    () => {
      for (let i = 0; i < UPDATES; i++) sink += ichimoku.update(high[i]!, low[i]!, close[i]!);
    },
    options,
  );
  const swings = new SwingPoints(5, 5);
  bench(
    'SwingPoints(5,5)',
    () => {
      for (let i = 0; i < UPDATES; i++) sink += swings.update(high[i]!, low[i]!, time[i]!);
    },
    options,
  );
});

// Keeps `sink` observable (a bench file has no assertions; timing never goes in unit tests).
export const benchmarkSink = (): number => sink;
