import type { Bar } from '../../../src-shared/domain/market';
import type { IssueRule } from './issues';

/** One thing wrong with a bar on its own (no history needed). */
export interface BarFault {
  rule: IssueRule;
  field: string;
  value: number | string;
  message: string;
}

const VALUE_FIELDS = ['open', 'high', 'low', 'close', 'volume', 'time'] as const;

/**
 * True for a bar that passes every stateless check (barFaults gives null); a handful of comparisons, no
 * allocation, small enough for the optimiser to inline into a caller's per-bar loop.
 */
export function isSound(bar: Bar): boolean {
  const { open, high, low, close, volume, time } = bar;
  // NaN fails every comparison, and low > 0 with low ≤ open, close ≤ high < ∞ bounds every price. A
  // prediction contract settling at 0 closes at exactly 0: the one bar allowed a zero price.
  return (
    (low > 0 || (low === 0 && bar.settlement === 0)) &&
    high < Infinity &&
    high >= low &&
    high >= open &&
    high >= close &&
    low <= open &&
    low <= close &&
    volume >= 0 &&
    volume < Infinity &&
    Number.isFinite(time) &&
    extrasSound(bar)
  );
}

/** The optional derivatives data: a finite funding rate, open interest and liquidation notionals ≥ 0. */
function extrasSound(bar: Bar): boolean {
  const { fundingRate, openInterest, liquidations } = bar;
  return (
    (fundingRate === undefined || Number.isFinite(fundingRate)) &&
    (openInterest === undefined || (openInterest >= 0 && openInterest < Infinity)) &&
    (liquidations === undefined ||
      (liquidations.longNotional >= 0 &&
        liquidations.longNotional < Infinity &&
        liquidations.shortNotional >= 0 &&
        liquidations.shortNotional < Infinity))
  );
}

/** The fault of an optional value (NaN, infinite, or below 0 where it cannot be), or null. */
function extraFault(field: string, value: number | undefined, signed: boolean): BarFault | null {
  if (value === undefined) return null;
  if (Number.isNaN(value)) return { rule: 'nan', field, value, message: `${field} is NaN` };
  if (!Number.isFinite(value)) return { rule: 'infinity', field, value, message: `${field} is ${value}` };
  if (!signed && value < 0)
    return { rule: 'negative-value', field, value, message: `${field} ${value} is negative` };
  return null;
}

/**
 * The stateless faults of a bar, in check order, or null when it has none: a missing, NaN or infinite
 * value (each field reported); then, only when every value is finite, a non-positive low, an OHLC
 * inconsistency (the first of high < low, high < max(open, close), low > min(open, close)), negative
 * volume, and a bad optional value (a NaN or infinite funding rate, open interest or liquidation notional,
 * or one of the last two below 0).
 */
export function barFaults(bar: Bar): BarFault[] | null {
  if (isSound(bar)) return null;
  const faults: BarFault[] = [];
  for (const field of VALUE_FIELDS) {
    const value: unknown = bar[field];
    if (typeof value !== 'number') {
      faults.push({ rule: 'missing', field, value: String(value), message: `${field} is missing` });
    } else if (Number.isNaN(value)) {
      faults.push({ rule: 'nan', field, value, message: `${field} is NaN` });
    } else if (!Number.isFinite(value)) {
      faults.push({ rule: 'infinity', field, value, message: `${field} is ${String(value)}` });
    }
  }
  if (faults.length > 0) return faults;
  const { open, high, low, close, volume } = bar;
  if (low < 0 || (low === 0 && bar.settlement !== 0))
    faults.push({
      rule: 'non-positive-price',
      field: 'low',
      value: low,
      message: `low ${low} is not a positive price`,
    });
  if (high < low) {
    faults.push({ rule: 'ohlc', field: 'high', value: high, message: `high ${high} is below low ${low}` });
  } else if (high < Math.max(open, close)) {
    faults.push({
      rule: 'ohlc',
      field: 'high',
      value: high,
      message: `high ${high} is below max(open, close)`,
    });
  } else if (low > Math.min(open, close)) {
    faults.push({ rule: 'ohlc', field: 'low', value: low, message: `low ${low} is above min(open, close)` });
  }
  if (volume < 0)
    faults.push({
      rule: 'negative-volume',
      field: 'volume',
      value: volume,
      message: `volume ${volume} is negative`,
    });
  for (const fault of [
    extraFault('fundingRate', bar.fundingRate, true),
    extraFault('openInterest', bar.openInterest, false),
    extraFault('liquidations.longNotional', bar.liquidations?.longNotional, false),
    extraFault('liquidations.shortNotional', bar.liquidations?.shortNotional, false),
  ])
    if (fault !== null) faults.push(fault);
  return faults.length > 0 ? faults : null;
}

/**
 * Checks one bar before it enters the loop: finite numbers, positive prices, consistent OHLC, volume not
 * negative. Returns why the bar is rejected (the first fault of `barFaults`), or null if it passes.
 */
export function rejectBar(bar: Bar): string | null {
  const faults = barFaults(bar);
  return faults === null ? null : faults[0]!.message;
}
