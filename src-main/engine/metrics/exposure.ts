import type { EquitySeries, OpenPosition, RoundTrip, TradeFill } from './types';

/**
 * Share of the period [start, end] with at least one position open: the union of the round trips'
 * [entryTime, exitTime] and the open positions' [entryTime, end], clipped to the period, over its length.
 * Null for an empty period.
 */
export function exposure(
  trips: readonly RoundTrip[],
  open: readonly OpenPosition[],
  start: number,
  end: number,
): number | null {
  if (!(end > start)) return null;
  const intervals: [number, number][] = [];
  const add = (from: number, to: number): void => {
    const a = Math.max(from, start);
    const b = Math.min(to, end);
    if (b > a) intervals.push([a, b]);
  };
  for (const trip of trips) add(trip.entryTime, trip.exitTime);
  for (const position of open) add(position.entryTime, end);
  intervals.sort((x, y) => x[0] - y[0]);
  let covered = 0;
  let from = Number.NEGATIVE_INFINITY;
  let to = Number.NEGATIVE_INFINITY;
  for (const [a, b] of intervals) {
    if (a > to) {
      if (to > from) covered += to - from;
      from = a;
      to = b;
    } else if (b > to) {
      to = b;
    }
  }
  if (to > from) covered += to - from;
  return covered / (end - start);
}

/**
 * Turnover: traded notional (Σ qty × price over the fills) / the mean of the equity samples. Not annualised.
 * Null when the mean equity is not positive.
 */
export function turnover(fills: readonly TradeFill[], series: EquitySeries): number | null {
  let notional = 0;
  for (const fill of fills) notional += Math.abs(fill.qty * fill.price);
  let sum = 0;
  for (let i = 0; i < series.values.length; i++) sum += series.values[i]!;
  const average = sum / series.values.length;
  return average > 0 ? notional / average : null;
}
