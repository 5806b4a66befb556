import type { AssetClass } from '../../../src-shared/domain/market';
import { weekday } from './civil-date';
import { isNyseTradingDay } from './nyse-calendar';

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
