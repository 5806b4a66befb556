import type { AssetClass } from '../../../src-shared/domain/market';
import { dayFromCivil, weekday, yearOfDay } from './civil-date';
import { isNyseTradingDay, nyseClosuresInto } from './nyse-calendar';

/**
 * When a market trades, for the gap and zero-volume checks:
 * - `nyse`: NYSE sessions (weekdays that are not exchange holidays or special closures);
 * - `weekdays`: Monday to Friday, no holidays (other exchanges, until their calendars exist);
 * - `continuous`: every day, around the clock (crypto);
 * - `none`: no schedule is known; gaps and zero volume are not checked (prediction markets).
 */
export type CalendarKind = 'nyse' | 'weekdays' | 'continuous' | 'none';

/** The calendar an asset class trades on when none is configured. */
export function defaultCalendar(assetClass: AssetClass): CalendarKind {
  switch (assetClass) {
    case 'crypto':
      return 'continuous';
    case 'prediction':
      return 'none';
    default:
      return 'nyse';
  }
}

/** Whether a UTC day is a trading day on a calendar (`none` counts every day, so nothing is flagged). */
export function isTradingDay(calendar: CalendarKind, dayNumber: number): boolean {
  switch (calendar) {
    case 'nyse':
      return isNyseTradingDay(dayNumber);
    case 'weekdays': {
      const wd = weekday(dayNumber);
      return wd !== 0 && wd !== 6;
    }
    default:
      return true;
  }
}

/** Trading days strictly between two UTC days; stops counting at `cap` (a long gap needs no exact count). */
export function tradingDaysBetween(
  calendar: CalendarKind,
  fromDay: number,
  toDay: number,
  cap = 10_000,
): number {
  let count = 0;
  for (let day = fromDay + 1; day < toDay && count < cap; day++) if (isTradingDay(calendar, day)) count += 1;
  return count;
}

/** Day numbers this far from 1970 (±270,000 years) are looked up one by one instead of a year at a time. */
const TABLE_DAY_LIMIT = 1e8;

/**
 * The trading days of one calendar, memoised a year at a time as a bitmap of open days (weekends, holidays
 * and special closures cleared). Same answers as `isTradingDay`; a stream in time order costs one array
 * read per lookup and one year's fill per year (an instance, so it needs no module state).
 */
export class TradingDayTable {
  private firstDay = 0;
  private endDay = 0;
  private readonly open = new Uint8Array(366);
  /** Scratch list of a year's NYSE closures, reused by every load. */
  private readonly closures: number[] = [];

  constructor(readonly calendar: CalendarKind) {}

  /** Whether a UTC day is a trading day on this calendar (as `isTradingDay`). */
  isTradingDay(dayNumber: number): boolean {
    if (dayNumber >= this.firstDay && dayNumber < this.endDay)
      return this.open[dayNumber - this.firstDay] === 1;
    if (!(Math.abs(dayNumber) < TABLE_DAY_LIMIT)) return isTradingDay(this.calendar, dayNumber);
    this.load(yearOfDay(dayNumber));
    return this.open[dayNumber - this.firstDay] === 1;
  }

  /** Trading days strictly between two UTC days, up to `cap` (as `tradingDaysBetween`). */
  countBetween(fromDay: number, toDay: number, cap: number): number {
    let count = 0;
    for (let day = fromDay + 1; day < toDay && count < cap; day++) if (this.isTradingDay(day)) count += 1;
    return count;
  }

  private load(year: number): void {
    const { calendar, open, closures } = this;
    const first = dayFromCivil(year, 1, 1);
    const end = dayFromCivil(year + 1, 1, 1);
    if (calendar === 'nyse' || calendar === 'weekdays') {
      // Open Monday to Friday: the week pattern from the year's first weekday on, copied in one go.
      const wd = weekday(first);
      open.set(WEEK_PATTERN.subarray(wd, wd + open.length));
    } else open.fill(1);
    if (calendar === 'nyse') {
      nyseClosuresInto(year, closures);
      for (const day of closures) open[day - first] = 0;
    }
    this.firstDay = first;
    this.endDay = end;
  }
}

/** 1 on Monday to Friday, 0 on weekends, from a Sunday on, for 366 days starting on any weekday. */
const WEEK_PATTERN = Uint8Array.from({ length: 366 + 6 }, (_, day) =>
  day % 7 === 0 || day % 7 === 6 ? 0 : 1,
);
