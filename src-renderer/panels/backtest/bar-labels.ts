// Bar times in a report are close stamps (docs/BACKTESTING.md): a daily bar closes at 24:00 UTC of its
// session, which is 00:00 of the next day. A trader reads a daily bar by its session date, so daily
// results are labelled with the day before their stamp, as the CLI summary and the HTML report do.

const DAY_MS = 86_400_000;

/** Whether every time is a whole UTC day (daily bars). */
export function isDaily(times: readonly string[]): boolean {
  return times.length > 0 && times.every((t) => Date.parse(t) % DAY_MS === 0);
}

/** The session date of a daily bar, or the close time (UTC, to the minute) of an intraday one. */
export function barLabel(iso: string | null, daily: boolean): string {
  if (iso === null) return '—';
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return iso;
  if (daily && ms % DAY_MS === 0) return new Date(ms - DAY_MS).toISOString().slice(0, 10);
  return new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
}
