import { formatPrice, groupThousands as group } from '../../src-shared/format/price';
import { labelBarTime } from '../engine/data/civil-date';

// How figures are written in the HTML report and the terminal summary: fixed formats, not the locale's,
// so a report reads the same everywhere. Undefined metrics (null) are written "n/a".

const DAY_MS = 86_400_000;

/** 1234567.891 → `1,234,567.89`; null → `n/a`. */
export function money(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return 'n/a';
  const [integer, decimals] = Math.abs(value).toFixed(2).split('.');
  return `${value < 0 && Math.abs(value) >= 0.005 ? '−' : ''}${group(integer!)}.${decimals!}`;
}

/** A price with the digits it needs (see formatPrice); null → `n/a`. */
export function price(value: number | null): string {
  return value === null || !Number.isFinite(value) ? 'n/a' : formatPrice(value);
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
