// Calendar arithmetic on UTC day numbers (days since 1970-01-01), without Date objects, so it is exact,
// allocation-free and the same everywhere. The conversions follow the proleptic Gregorian calendar in
// 400-year eras (the method of H. Hinnant, "chrono-compatible low-level date algorithms").

export const DAY_MS = 86_400_000;

/** The UTC day number of an epoch-millisecond time (floor, so times before midnight belong to that day). */
export function dayOf(ms: number): number {
  return Math.floor(ms / DAY_MS);
}

/** Day number of a Gregorian date (month 1–12, day 1–31); no range check. */
export function dayFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const shiftedMonth = month > 2 ? month - 3 : month + 9; // March = 0 … February = 11
  const dayOfYear = Math.floor((153 * shiftedMonth + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/**
 * Civil date of a day number (Hinnant's civil_from_days, the inverse of dayFromCivil), packed into one
 * number as (year × 12 + month − 1) × 32 + day so the callers on hot paths allocate nothing. Unpack with
 * floor division (years before 1 are negative).
 */
function civilFromDays(dayNumber: number): number {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153); // March = 0 … February = 11
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return (year * 12 + month - 1) * 32 + day;
}

/** Year of a day number. */
export function yearOfDay(dayNumber: number): number {
  return Math.floor(Math.floor(civilFromDays(dayNumber) / 32) / 12);
}

/** Day of the week of a day number: 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekday(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

/** Days in a month of a Gregorian year. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** `YYYY-MM-DD` of a day number. */
export function formatDay(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

/** ISO 8601 UTC text of an epoch-millisecond time, or `invalid time` for a non-finite one. */
export function formatTime(ms: number): string {
  return Number.isFinite(ms) && Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString() : 'invalid time';
}

/** The last millisecond `toISOString` writes with a four-digit year: 9999-12-31T23:59:59.999Z. */
const LAST_FOUR_DIGIT_YEAR_MS = 253_402_300_799_999;
const TWO_DIGITS = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));
const THREE_DIGITS = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));

/**
 * The same text as `new Date(ms).toISOString()` (`2000-01-04T00:00:00.000Z`), computed from the day number
 * without a Date object (several times faster, for results listing many times). Whole milliseconds from
 * 1970 to the end of 9999 take the fast path; anything else goes to Date (which throws a RangeError for a
 * non-finite time, as before).
 */
export function isoTimeText(ms: number): string {
  if (!(ms >= 0 && ms <= LAST_FOUR_DIGIT_YEAR_MS && Number.isInteger(ms))) return new Date(ms).toISOString();
  const dayNumber = Math.floor(ms / DAY_MS);
  let rest = ms - dayNumber * DAY_MS;
  const civil = civilFromDays(dayNumber);
  const yearMonth = Math.floor(civil / 32);
  const day = civil - yearMonth * 32;
  const year = Math.floor(yearMonth / 12);
  const month = yearMonth - year * 12 + 1;
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = Math.floor(rest / 1000);
  const millis = rest - seconds * 1000;
  return `${year}-${TWO_DIGITS[month]!}-${TWO_DIGITS[day]!}T${TWO_DIGITS[hours]!}:${TWO_DIGITS[minutes]!}:${TWO_DIGITS[seconds]!}.${THREE_DIGITS[millis]!}Z`;
}

/**
 * How a bar's close time is shown to the user: a daily bar (stamped at the end of its session's UTC day)
 * by its session date, `2000-01-06`; any other bar by its ISO time.
 */
export function labelBarTime(ms: number, daily: boolean): string {
  if (daily && Number.isFinite(ms) && ms % DAY_MS === 0) return formatDay(ms / DAY_MS - 1);
  return formatTime(ms);
}

/** A duration in the largest whole unit that fits: `1 d`, `4 h`, `15 min`, `30 s`, `250 ms`. */
export function formatDuration(ms: number): string {
  const units: [number, string][] = [
    [DAY_MS, 'd'],
    [3_600_000, 'h'],
    [60_000, 'min'],
    [1000, 's'],
  ];
  for (const [size, name] of units) if (ms >= size && ms % size === 0) return `${ms / size} ${name}`;
  for (const [size, name] of units) if (ms >= size) return `${+(ms / size).toFixed(2)} ${name}`;
  return `${ms} ms`;
}
