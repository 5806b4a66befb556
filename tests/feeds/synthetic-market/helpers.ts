import type { Bar } from '../../../src-shared/domain/market';
import type { MarketSettingsInput } from '../../../src-shared/settings/sections/market';
import { createSyntheticMarket } from '../../../src-main/feeds/synthetic-market';

/** Runs a market to the end (options must set maxBars) and groups its bars by instrument, in order. */
export function runMarket(options: MarketSettingsInput): {
  byInstrument: Map<string, Bar[]>;
  regimes: string[];
} {
  const market = createSyntheticMarket(options);
  const byInstrument = new Map<string, Bar[]>();
  const regimes: string[] = [];
  for (let slice = market.next(); slice; slice = market.next()) {
    regimes.push(market.regime);
    for (const bar of slice.bars) {
      let bars = byInstrument.get(bar.instrument);
      if (!bars) byInstrument.set(bar.instrument, (bars = []));
      bars.push(bar);
    }
  }
  return { byInstrument, regimes };
}

export function bars(run: { byInstrument: Map<string, Bar[]> }, id: string): Bar[] {
  const found = run.byInstrument.get(id);
  if (!found) throw new Error(`no bars for ${id}`);
  return found;
}

/** Close-to-close log returns (the first bar's open counts as the close before it). */
export function logReturns(series: readonly Bar[]): number[] {
  return series.map((bar) => Math.log(bar.close / bar.open));
}

export function mean(values: readonly number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

export function stdev(values: readonly number[]): number {
  const m = mean(values);
  return Math.sqrt(values.reduce((sum, v) => sum + (v - m) ** 2, 0) / (values.length - 1));
}

export function correlation(a: readonly number[], b: readonly number[]): number {
  const ma = mean(a);
  const mb = mean(b);
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < a.length; i++) {
    const da = a[i]! - ma;
    const db = b[i]! - mb;
    ab += da * db;
    aa += da * da;
    bb += db * db;
  }
  return ab / Math.sqrt(aa * bb);
}

/** Least-squares AR(1) coefficient of a series (x_t on x_{t−1}, with intercept). */
export function ar1(series: readonly number[]): number {
  return slope(series.slice(0, -1), series.slice(1));
}

/** Least-squares slope of y on x (with intercept). */
export function slope(x: readonly number[], y: readonly number[]): number {
  const mx = mean(x);
  const my = mean(y);
  let xy = 0;
  let xx = 0;
  for (let i = 0; i < x.length; i++) {
    xy += (x[i]! - mx) * (y[i]! - my);
    xx += (x[i]! - mx) ** 2;
  }
  return xy / xx;
}

/** Half-life in bars of an AR(1) process with coefficient phi. */
export function halfLife(phi: number): number {
  return Math.log(2) / -Math.log(phi);
}

export const MINUTES_PER_YEAR = 365.25 * 24 * 60;
