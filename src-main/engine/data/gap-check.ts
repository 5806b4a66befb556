import { dayOf, formatDay, formatDuration, labelBarTime, weekday } from './civil-date';
import { tradingDaysBetween, type CalendarKind, type TradingDayTable } from './trading-calendar';

/** Spacings from 20 h to 28 h are daily bars (a session a day, whatever the hour of the stamp). */
const DAILY_MIN_MS = 20 * 3_600_000;
const DAILY_MAX_MS = 28 * 3_600_000;
/** A spacing above 1.5 × the expected interval is a gap (tolerates jitter in the stamps). */
export const GAP_TOLERANCE = 1.5;

/** Trading days counted in a gap; a longer one is reported as "1000 or more". */
const MAX_COUNTED_DAYS = 1000;

const between = (previous: number, current: number, daily: boolean): string =>
  `${labelBarTime(previous, daily)} and ${labelBarTime(current, daily)}`;

/** Whether an interval is a daily one. */
export function isDailyInterval(intervalMs: number): boolean {
  return intervalMs >= DAILY_MIN_MS && intervalMs <= DAILY_MAX_MS;
}

/**
 * The session day of a bar: the UTC day of (close time − 1 ms), so a daily bar stamped at the end of its
 * day (24:00 UTC) belongs to that day.
 */
export function sessionDay(closeTime: number): number {
  return dayOf(closeTime - 1);
}

/**
 * Why the spacing between two consecutive bars is a gap, or null. Rules (docs/DATA.md):
 * - `none`: never a gap;
 * - `nyse`/`weekdays`, daily interval: a gap when a trading day lies strictly between the two sessions
 *   (weekends and exchange holidays are not gaps);
 * - `nyse`/`weekdays`, intraday: within one session day a spacing above 1.5 × the interval; across days,
 *   a whole trading day missing in between (the overnight and weekend pauses are not gaps);
 * - `continuous`, or any calendar with bars longer than a day: a spacing above 1.5 × the interval.
 * `days`, a memo of the same calendar, only makes the trading-day count faster. With `withText` false a
 * gap is returned as '' (the caller only counts it; the dates are not formatted).
 */
export function describeGap(
  calendar: CalendarKind,
  intervalMs: number,
  previous: number,
  current: number,
  days?: TradingDayTable,
  withText = true,
): string | null {
  if (calendar === 'none' || !(intervalMs > 0)) return null;
  const spacing = current - previous;
  const daily = isDailyInterval(intervalMs);
  const sessions = calendar === 'nyse' || calendar === 'weekdays';
  if (sessions && intervalMs <= DAILY_MAX_MS) {
    const fromDay = sessionDay(previous);
    const toDay = sessionDay(current);
    if (daily || fromDay !== toDay) {
      if (toDay - fromDay <= 1) return null;
      const missing =
        days === undefined
          ? tradingDaysBetween(calendar, fromDay, toDay, MAX_COUNTED_DAYS)
          : days.countBetween(fromDay, toDay, MAX_COUNTED_DAYS);
      if (missing === 0) return null;
      if (!withText) return '';
      const count = missing >= MAX_COUNTED_DAYS ? `${MAX_COUNTED_DAYS} or more` : String(missing);
      return `gap: ${count} trading day${missing === 1 ? '' : 's'} missing between ${between(previous, current, daily)}`;
    }
  }
  if (spacing <= GAP_TOLERANCE * intervalMs) return null;
  if (!withText) return '';
  const missing = Math.round(spacing / intervalMs) - 1;
  return `gap: ${missing} bar${missing === 1 ? '' : 's'} missing between ${between(previous, current, daily)} (expected every ${formatDuration(intervalMs)})`;
}

/**
 * True when bars of a session calendar (`days`) on session days `fromDay` and `toDay` have no trading day
 * missing between them by describeGap's session rule: the interval is daily, or intraday with the bars on
 * different days, and no trading day lies strictly between the two. False means "ask describeGap".
 */
export function noSessionMissed(
  days: TradingDayTable,
  intervalMs: number,
  fromDay: number,
  toDay: number,
): boolean {
  if (!(intervalMs > 0 && intervalMs <= DAILY_MAX_MS)) return false;
  if (fromDay === toDay && !isDailyInterval(intervalMs)) return false;
  return toDay - fromDay <= 1 || days.countBetween(fromDay, toDay, 1) === 0;
}

const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** The message for a bar on a day its calendar does not trade. */
export function closedDayMessage(calendar: CalendarKind, day: number): string {
  const wd = weekday(day);
  const date = formatDay(day);
  if (wd === 0 || wd === 6) return `bar on ${date}, a ${WEEKDAY_NAMES[wd]!}, when the market is closed`;
  // Only the NYSE calendar closes on weekdays.
  return `bar on ${date}, a NYSE holiday, when the market is closed`;
}
