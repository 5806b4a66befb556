import { formatDuration } from '../../format';

/**
 * Wall time left, readable at a glance: "12 s left", "3 min left", "1 h 05 min left"; "estimating…"
 * before there is an estimate, "0 s left" once nothing is (the last report, at 100 %).
 */
export function etaText(ms: number | null): string {
  if (ms === null) return 'estimating…';
  if (ms <= 0) return '0 s left';
  if (ms < 60_000) return `${Math.max(1, Math.round(ms / 1000))} s left`;
  return `${formatDuration(ms)} left`;
}

/** Whole percent done, rounded down so that 100 % means finished; 0 without a total. */
export function percentDone(done: number, total: number): number {
  const share = total > 0 ? Math.min(1, done / total) : 0;
  return Math.floor(share * 100);
}
