import type { Bar } from '../../../src-shared/domain/market';

/**
 * Checks one bar before it enters the loop: finite numbers, positive prices, consistent OHLC, volume not
 * negative. Returns why the bar is rejected, or null if it passes.
 */
export function rejectBar(bar: Bar): string | null {
  const fields = ['open', 'high', 'low', 'close', 'volume'] as const;
  for (const field of fields) {
    const value = bar[field];
    if (!Number.isFinite(value)) return `${field} is ${String(value)}`;
  }
  if (!Number.isFinite(bar.time)) return `time is ${String(bar.time)}`;
  // A prediction contract that settles at 0 closes at exactly 0: the one bar allowed a zero price.
  if (bar.low < 0 || (bar.low === 0 && bar.settlement !== 0)) return `low ${bar.low} is not a positive price`;
  if (bar.high < bar.low) return `high ${bar.high} is below low ${bar.low}`;
  if (bar.high < Math.max(bar.open, bar.close)) return `high ${bar.high} is below max(open, close)`;
  if (bar.low > Math.min(bar.open, bar.close)) return `low ${bar.low} is above min(open, close)`;
  if (bar.volume < 0) return `volume ${bar.volume} is negative`;
  return null;
}
