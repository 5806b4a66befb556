import { Rng } from '../../../src-main/engine/rng';

/** A seeded OHLCV series as parallel arrays (what TA-Lib takes). */
export interface Ohlcv {
  time: number[];
  open: number[];
  high: number[];
  low: number[];
  close: number[];
  volume: number[];
}

const cents = (x: number): number => Math.round(x * 100) / 100;

/**
 * Daily bars from the engine's seeded Rng: closes move 2 % a bar (σ) with a slow pull back to `start`
 * (an Ornstein–Uhlenbeck log price, so a long series stays within about ±50 % of `start`), highs and lows
 * beyond the body, prices rounded to cents so that ties (equal closes, equal highs) occur as in real data.
 */
export function randomOhlcv(seed: number, length: number, start = 100): Ohlcv {
  const rng = new Rng(seed);
  const series: Ohlcv = { time: [], open: [], high: [], low: [], close: [], volume: [] };
  let previous = start;
  for (let i = 0; i < length; i++) {
    const pull = -0.01 * Math.log(previous / start);
    const open = cents(previous * Math.exp(pull + 0.004 * rng.normal()));
    const close = cents(open * Math.exp(0.02 * rng.normal()));
    const high = cents(Math.max(open, close) * (1 + 0.01 * Math.abs(rng.normal())));
    const low = cents(Math.min(open, close) * (1 - 0.01 * Math.abs(rng.normal())));
    series.time.push(1_700_000_000_000 + i * 86_400_000);
    series.open.push(open);
    series.high.push(high);
    series.low.push(low);
    series.close.push(close);
    series.volume.push(Math.round(rng.uniform(1_000, 50_000)));
    previous = close;
  }
  return series;
}
