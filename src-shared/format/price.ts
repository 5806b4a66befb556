// How a price is written, in the HTML report and in the terminal alike: money's two decimals would turn a
// forex quote of 1.08432 into 1.08, a coin at 0.00001234 into 0.00 and a 0.955 contract into 0.96.

/** Significant digits a price is written with. */
const PRICE_DIGITS = 6;

/** "1234567" → "1,234,567": thousands separated by commas (fixed, not the locale's). */
export function groupThousands(integer: string): string {
  return integer.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * A finite price with at least two decimals and as many more as six significant digits need, trailing
 * zeros beyond the second decimal dropped: 1455.947 → `1,455.95`, 1.08432 → `1.08432`, 0.00001234 →
 * `0.00001234`, 1.5 → `1.50`; a negative one starts with "−".
 */
export function formatPrice(value: number): string {
  const magnitude = value === 0 ? 1 : Math.floor(Math.log10(Math.abs(value))) + 1;
  const decimals = Math.min(20, Math.max(2, PRICE_DIGITS - magnitude));
  const [integer, fraction] = Math.abs(value).toFixed(decimals).split('.');
  const kept = fraction!.replace(/0+$/, '').padEnd(2, '0');
  return `${value < 0 ? '−' : ''}${groupThousands(integer!)}.${kept}`;
}
