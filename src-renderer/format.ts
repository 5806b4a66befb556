// Readable numbers: fixed decimals, explicit signs on changes, thin grouping.

const money = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const qty = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });

export const formatMoney = (value: number): string => money.format(value);

export const formatSignedMoney = (value: number): string =>
  `${value > 0 ? '+' : value < 0 ? '−' : ''}${money.format(Math.abs(value))}`;

export const formatQty = (value: number): string => qty.format(value);

export const formatPercent = (fraction: number, digits = 2): string =>
  `${(fraction * 100).toFixed(digits)} %`;

export const formatTime = (epochMs: number): string =>
  new Date(epochMs).toISOString().replace('T', ' ').slice(0, 19);

/** CSS class for a gain, a loss or nothing. */
export const tone = (value: number): string => (value > 0 ? 'gain' : value < 0 ? 'loss' : 'flat');
