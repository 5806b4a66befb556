import { labelBarTime } from '../engine/data/civil-date';

// How figures are written in the HTML report and the terminal summary: fixed formats, not the locale's,
// so a report reads the same everywhere. Undefined metrics (null) are written "n/a".

const DAY_MS = 86_400_000;

function group(integer: string): string {
  return integer.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** 1234567.891 → `1,234,567.89`; null → `n/a`. */
export function money(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return 'n/a';
  const [integer, decimals] = Math.abs(value).toFixed(2).split('.');
  return `${value < 0 && Math.abs(value) >= 0.005 ? '−' : ''}${group(integer!)}.${decimals!}`;
}

/** Significant digits a price is written with: a forex pip (1.08432) and a sub-cent coin keep theirs. */
const PRICE_DIGITS = 6;

/**
 * A price with at least two decimals and as many more as six significant digits need, trailing zeros
 * beyond the second decimal dropped: 1455.947 → `1,455.95`, 1.08432 → `1.08432`, 0.00001234 →
 * `0.00001234`; null → `n/a`.
 */
export function price(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return 'n/a';
  const magnitude = value === 0 ? 1 : Math.floor(Math.log10(Math.abs(value))) + 1;
  const decimals = Math.min(20, Math.max(2, PRICE_DIGITS - magnitude));
  const [integer, fraction] = Math.abs(value).toFixed(decimals).split('.');
  const kept = fraction!.replace(/0+$/, '').padEnd(2, '0');
  return `${value < 0 ? '−' : ''}${group(integer!)}.${kept}`;
}

/** 0.12345 → `12.35 %`; null → `n/a`. */
export function percent(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return 'n/a';
  const text = (value * 100).toFixed(2);
  return `${text.startsWith('-') && text !== '-0.00' ? '−' + text.slice(1) : text.replace('-', '')} %`;
}

/** 1.23456 → `1.23`; null → `n/a`. */
export function ratio(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return 'n/a';
  const text = value.toFixed(2);
  return text.startsWith('-') && text !== '-0.00' ? '−' + text.slice(1) : text.replace('-', '');
}

/** A whole count with thousands separators. */
export function count(value: number): string {
  return group(String(Math.round(value)));
}

/** A duration in days with one decimal: `12.5 d`. */
export function days(ms: number): string {
  return `${(ms / DAY_MS).toFixed(1)} d`;
}

/** Whether every time is a whole UTC day: daily bars, shown by their session date. */
export function isDaily(times: readonly string[]): boolean {
  return times.length > 0 && times.every((t) => Date.parse(t) % DAY_MS === 0);
}

/** An ISO time from the result as the report shows it: a session date for daily bars, else the ISO time. */
export function timeLabel(iso: string | null, daily: boolean): string {
  if (iso === null) return 'n/a';
  return labelBarTime(Date.parse(iso), daily);
}
