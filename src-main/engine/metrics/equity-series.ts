import type { EquitySeries } from './types';

/** Milliseconds in a year of 365.25 days: markets that trade every day (crypto) and calendar spans alike. */
export const YEAR_MS = 365.25 * 24 * 3_600_000;

/**
 * Checks an equity series: as many times as values, at least one sample, finite numbers, times strictly
 * increasing, the first value positive. Throws a RangeError naming the first bad index.
 */
export function checkEquitySeries(series: EquitySeries): void {
  const { times, values } = series;
  if (times.length !== values.length)
    throw new RangeError(`equity series: ${times.length} times but ${values.length} values`);
  if (values.length === 0) throw new RangeError('equity series: no samples');
  for (let i = 0; i < values.length; i++) {
    const time = times[i]!;
    const value = values[i]!;
    if (!Number.isFinite(time)) throw new RangeError(`equity series: times[${i}] is ${time}, not a time`);
    if (!Number.isFinite(value))
      throw new RangeError(`equity series: values[${i}] is ${value}, not a number`);
    if (i > 0 && !(time > times[i - 1]!))
      throw new RangeError(
        `equity series: times[${i}] = ${time} is not after times[${i - 1}] = ${times[i - 1]}`,
      );
  }
  if (!(values[0]! > 0)) throw new RangeError(`equity series: the first value ${values[0]} is not positive`);
}

/**
 * Simple returns r_i = v_i / v_(i−1) − 1 for i = 1..n−1, or null when an equity at or below zero precedes
 * a return (the account was wiped out: later returns have no meaning).
 */
export function simpleReturns(values: ArrayLike<number>): Float64Array | null {
  const returns = new Float64Array(Math.max(0, values.length - 1));
  for (let i = 1; i < values.length; i++) {
    const previous = values[i - 1]!;
    if (!(previous > 0)) return null;
    returns[i - 1] = values[i]! / previous - 1;
  }
  return returns;
}

/**
 * Samples per year from the series' mean sampling interval: (n − 1) × YEAR_MS / (t_last − t_first). Daily
 * samples on 252 trading days of a calendar year give ≈ 252; minute samples of a 24h market 525 960.
 * Null with fewer than two samples.
 */
export function periodsPerYear(times: ArrayLike<number>): number | null {
  const n = times.length;
  if (n < 2) return null;
  return ((n - 1) * YEAR_MS) / (times[n - 1]! - times[0]!);
}
