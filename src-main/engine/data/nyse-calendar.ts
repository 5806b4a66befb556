import { dayFromCivil, weekday, yearOfDay } from './civil-date';

// NYSE full-day closures (NYSE Rule 7.2 and the exchange's published holiday calendars). The rules below
// hold from 1998, the first year the exchange closed for Martin Luther King Jr. Day; earlier years get
// the same rules except that day, and their special closures are not listed.

/**
 * Unscheduled full-day closures since 2000: the September 11 attacks (2001-09-11 to 14), national days
 * of mourning for presidents Reagan (2004-06-11), Ford (2007-01-02), G. H. W. Bush (2018-12-05) and
 * Carter (2025-01-09), and Hurricane Sandy (2012-10-29 and 30).
 */
export const NYSE_SPECIAL_CLOSURES: readonly string[] = [
  '2001-09-11',
  '2001-09-12',
  '2001-09-13',
  '2001-09-14',
  '2004-06-11',
  '2007-01-02',
  '2012-10-29',
  '2012-10-30',
  '2018-12-05',
  '2025-01-09',
];

const SUNDAY = 0;
const MONDAY = 1;
const THURSDAY = 4;
const SATURDAY = 6;

/** The n-th (1-based) given weekday of a month, as a day number. */
function nthWeekday(year: number, month: number, target: number, n: number): number {
  const first = dayFromCivil(year, month, 1);
  return first + ((target - weekday(first) + 7) % 7) + (n - 1) * 7;
}

/** The last given weekday of a month, as a day number. */
function lastWeekday(year: number, month: number, target: number): number {
  const firstOfNext = month === 12 ? dayFromCivil(year + 1, 1, 1) : dayFromCivil(year, month + 1, 1);
  const last = firstOfNext - 1;
  return last - ((weekday(last) - target + 7) % 7);
}

/** A fixed-date holiday moved off the weekend: Saturday → the Friday before, Sunday → the Monday after. */
function observed(day: number): number {
  const wd = weekday(day);
  if (wd === SATURDAY) return day - 1;
  if (wd === SUNDAY) return day + 1;
  return day;
}

/**
 * Easter Sunday of a Gregorian year (the anonymous Gregorian computus, as given by Meeus, "Astronomical
 * Algorithms", ch. 8), as a day number.
 */
export function easterSunday(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return dayFromCivil(year, month, day);
}

/**
 * The NYSE's regular holidays of a year, as day numbers in date order. New Year's Day on a Saturday is not
 * moved to the Friday before (that Friday closes the accounting year), so no day is closed for it.
 */
export function nyseHolidays(year: number): number[] {
  const days: number[] = [];
  pushHolidays(year, days);
  return days.sort((x, y) => x - y);
}

/** Appends the regular holidays of a year (the rules of `nyseHolidays`) to `days`, not sorted. */
function pushHolidays(year: number, days: number[]): void {
  const newYear = dayFromCivil(year, 1, 1);
  if (weekday(newYear) !== SATURDAY) days.push(observed(newYear));
  if (year >= 1998) days.push(nthWeekday(year, 1, MONDAY, 3)); // Martin Luther King Jr. Day
  days.push(nthWeekday(year, 2, MONDAY, 3)); // Washington's Birthday
  days.push(easterSunday(year) - 2); // Good Friday
  days.push(lastWeekday(year, 5, MONDAY)); // Memorial Day
  if (year >= 2022) days.push(observed(dayFromCivil(year, 6, 19))); // Juneteenth
  days.push(observed(dayFromCivil(year, 7, 4))); // Independence Day
  days.push(nthWeekday(year, 9, MONDAY, 1)); // Labor Day
  days.push(nthWeekday(year, 11, THURSDAY, 4)); // Thanksgiving
  days.push(observed(dayFromCivil(year, 12, 25))); // Christmas
}

const specialClosures = NYSE_SPECIAL_CLOSURES.map((text) =>
  dayFromCivil(+text.slice(0, 4), +text.slice(5, 7), +text.slice(8, 10)),
);

/**
 * The weekdays of a year the NYSE is closed: its regular holidays and the special closures that fall in
 * that year, as day numbers (unsorted).
 */
export function nyseClosures(year: number): number[] {
  const days: number[] = [];
  nyseClosuresInto(year, days);
  return days;
}

/**
 * Replaces the contents of `days` with `nyseClosures(year)`: a caller that loads year after year (the
 * trading-day table) reuses one array instead of allocating and sorting one per year.
 */
export function nyseClosuresInto(year: number, days: number[]): void {
  days.length = 0;
  pushHolidays(year, days);
  const first = dayFromCivil(year, 1, 1);
  const end = dayFromCivil(year + 1, 1, 1);
  for (const day of specialClosures) if (day >= first && day < end) days.push(day);
}

// The closed days of the year looked at last, as a bitmap over its days: bars arrive in time order, so
// nearly every lookup hits it. A pure memo (the same day always gives the same answer).
let cachedFirstDay = 0;
let cachedEndDay = 0;
const cachedClosed = new Uint8Array(366);

function loadYear(year: number): void {
  cachedFirstDay = dayFromCivil(year, 1, 1);
  cachedEndDay = dayFromCivil(year + 1, 1, 1);
  cachedClosed.fill(0);
  for (const day of nyseClosures(year)) cachedClosed[day - cachedFirstDay] = 1;
}

/** Whether the NYSE holds a regular session on a day: a weekday that is no holiday or special closure. */
export function isNyseTradingDay(dayNumber: number): boolean {
  const wd = weekday(dayNumber);
  if (wd === SATURDAY || wd === SUNDAY) return false;
  if (dayNumber < cachedFirstDay || dayNumber >= cachedEndDay) loadYear(yearOfDay(dayNumber));
  return cachedClosed[dayNumber - cachedFirstDay] === 0;
}
