import { periodsPerYear, simpleReturns, YEAR_MS } from './equity-series';
import type { EquitySeries } from './types';

/** Total return: last value / first value − 1. */
export function totalReturn(series: EquitySeries): number {
  const { values } = series;
  return values[values.length - 1]! / values[0]! - 1;
}

/**
 * Compound annual growth rate over the calendar span: (last / first)^(YEAR_MS / (t_last − t_first)) − 1;
 * −1 when the equity ended at or below zero; null with fewer than two samples, or when annualising a short
 * span overflows a double (a 0.2 % gain in a minute): no number describes it.
 */
export function cagr(series: EquitySeries): number | null {
  const { times, values } = series;
  const n = values.length;
  if (n < 2) return null;
  const growth = values[n - 1]! / values[0]!;
  if (!(growth > 0)) return -1;
  const annual = Math.pow(growth, YEAR_MS / (times[n - 1]! - times[0]!)) - 1;
  return Number.isFinite(annual) ? annual : null;
}

function mean(xs: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < xs.length; i++) sum += xs[i]!;
  return sum / xs.length;
}

/**
 * Annualised Sharpe ratio, risk-free rate 0: mean(r) / s(r) × √P, with r the simple returns between samples,
 * s the sample standard deviation (n − 1 in the denominator) and P = periodsPerYear. Null with fewer than
 * two returns, zero deviation, or a wiped-out account.
 */
export function sharpe(series: EquitySeries): number | null {
  return sharpeOfReturns(simpleReturns(series.values), periodsPerYear(series.times));
}

/** `sharpe` from the series' simple returns and periods per year (null ones give null). */
export function sharpeOfReturns(returns: Float64Array | null, periods: number | null): number | null {
  if (returns === null || periods === null || returns.length < 2) return null;
  const m = mean(returns);
  let squares = 0;
  for (let i = 0; i < returns.length; i++) {
    const r = returns[i]!;
    squares += (r - m) * (r - m);
  }
  const deviation = Math.sqrt(squares / (returns.length - 1));
  return deviation > 0 ? (m / deviation) * Math.sqrt(periods) : null;
}

/**
 * Annualised Sortino ratio, target 0: mean(r) / DD × √P with the downside deviation
 * DD = √(Σ min(r_i, 0)² / N) over all N returns (positive returns count as zeros; Sortino & Price 1994, as
 * set out in Rollinger & Hoffman, "Sortino: a 'sharper' ratio"). Null with fewer than two returns, no
 * negative return, or a wiped-out account.
 */
export function sortino(series: EquitySeries): number | null {
  return sortinoOfReturns(simpleReturns(series.values), periodsPerYear(series.times));
}

/** `sortino` from the series' simple returns and periods per year (null ones give null). */
export function sortinoOfReturns(returns: Float64Array | null, periods: number | null): number | null {
  if (returns === null || periods === null || returns.length < 2) return null;
  let downside = 0;
  for (let i = 0; i < returns.length; i++) {
    const r = returns[i]!;
    if (r < 0) downside += r * r;
  }
  const deviation = Math.sqrt(downside / returns.length);
  return deviation > 0 ? (mean(returns) / deviation) * Math.sqrt(periods) : null;
}
