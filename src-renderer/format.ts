// Readable numbers: fixed decimals, explicit signs on changes, thin grouping.

const money = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const qty = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });

export const formatMoney = (value: number): string => money.format(value);

export const formatSignedMoney = (value: number): string =>
  `${value > 0 ? '+' : value < 0 ? '−' : ''}${money.format(Math.abs(value))}`;

export const formatQty = (value: number): string => qty.format(value);

/** A price with the digits it needs (1.08432, 0.955, 1,455.95; see src-shared/format/price.ts). */
export { formatPrice } from '../src-shared/format/price';

export const formatPercent = (fraction: number, digits = 2): string =>
  `${(fraction * 100).toFixed(digits)} %`;

export const formatTime = (epochMs: number): string =>
  new Date(epochMs).toISOString().replace('T', ' ').slice(0, 19);

/** CSS class for a gain, a loss or nothing. */
export const tone = (value: number): string => (value > 0 ? 'gain' : value < 0 ? 'loss' : 'flat');

const MINUS = '−';

/** A change as a percentage with its sign: +1.25 %, −0.40 %, 0.00 %. */
export const formatSignedPercent = (fraction: number, digits = 2): string =>
  `${fraction > 0 ? '+' : fraction < 0 ? MINUS : ''}${formatPercent(Math.abs(fraction), digits)}`;

/** A ratio with fixed decimals, or a dash when there is none yet. */
export const formatRatio = (value: number | null, digits = 2): string =>
  value === null || !Number.isFinite(value)
    ? '—'
    : `${value < 0 ? MINUS : ''}${Math.abs(value).toFixed(digits)}`;

/** A share of something, or a dash. */
export const formatMaybePercent = (fraction: number | null, digits = 2): string =>
  fraction === null || !Number.isFinite(fraction) ? '—' : formatPercent(fraction, digits);

/** A duration in days, hours and minutes: "2 d 03 h", "4 h 05 min", "12 min". */
export function formatDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return `${days} d ${String(hours).padStart(2, '0')} h`;
  if (hours > 0) return `${hours} h ${String(rest).padStart(2, '0')} min`;
  return `${rest} min`;
}
