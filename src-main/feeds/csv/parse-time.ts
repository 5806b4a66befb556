import { DAY_MS, dayFromCivil, daysInMonth } from '../../engine/data/civil-date';

export const TIME_OK = 0;
export const TIME_MISSING = 1;
/** Not a date, date-time or epoch number. */
export const TIME_INVALID = 2;
/** A valid time before 1970-01-01, where engine time starts. */
export const TIME_BEFORE_EPOCH = 3;

const ZERO = 48;
const NINE = 57;
const SPACE = 32;
const TAB = 9;
const DOT = 46;
const COLON = 58;
const PLUS = 43;
const MINUS = 45;

/**
 * Epoch numbers are told apart by magnitude: below 10^11 they are seconds (up to the year 5138), below
 * 10^14 milliseconds, below 10^17 microseconds, above that nanoseconds. Milliseconds from 1973 on and
 * seconds up to 5138 cannot be confused.
 */
export const EPOCH_SECONDS_BELOW = 1e11;
export const EPOCH_MILLISECONDS_BELOW = 1e14;
export const EPOCH_MICROSECONDS_BELOW = 1e17;

const isDigit = (c: number | undefined): boolean => c !== undefined && c >= ZERO && c <= NINE;

/**
 * Reads a bar's time from bytes into epoch milliseconds (UTC), floored to whole ms:
 * - a date, `YYYY-MM-DD` (or with `/` or `.`): the end of that day, 24:00 UTC, since a daily bar is known
 *   only once its session is over (`dateOnly` is then true);
 * - a date-time, `YYYY-MM-DD[T ]HH:MM[:SS[.fraction]]` with an optional zone `Z`, `±HH:MM`, `±HHMM` or
 *   `±HH`; no zone means UTC;
 * - an epoch number (digits, optionally with a fraction), unit by magnitude (see EPOCH_SECONDS_BELOW).
 * `status` tells the outcome; times before 1970 are refused (TIME_BEFORE_EPOCH).
 */
export class TimeReader {
  status = TIME_OK;
  dateOnly = false;

  read(buf: Uint8Array, start: number, end: number): number {
    let i = start;
    let e = end;
    while (i < e && (buf[i] === SPACE || buf[i] === TAB)) i++;
    while (e > i && (buf[e - 1] === SPACE || buf[e - 1] === TAB)) e--;
    this.dateOnly = false;
    if (i === e) return this.fail(TIME_MISSING);
    if (e - i >= 10 && isDigit(buf[i]) && !isDigit(buf[i + 4])) return this.calendarTime(buf, i, e);
    return this.epoch(buf, i, e);
  }

  /** Milliseconds since midnight of `HH:MM[:SS[.fraction]]` (a separate time column), or NaN. */
  readTimeOfDay(buf: Uint8Array, start: number, end: number): number {
    let i = start;
    let e = end;
    while (i < e && (buf[i] === SPACE || buf[i] === TAB)) i++;
    while (e > i && (buf[e - 1] === SPACE || buf[e - 1] === TAB)) e--;
    const ms = this.clock(buf, i, e);
    return ms !== null && this.clockEnd === e ? ms : NaN;
  }

  private clockEnd = 0;
  /** The month read last (a valid one), its first day number and its length. */
  private monthYear = -1;
  private month = -1;
  private monthFirstDay = 0;
  private monthDays = 0;

  private calendarTime(buf: Uint8Array, i: number, e: number): number {
    const separator = buf[i + 4];
    if (separator !== MINUS && separator !== 47 && separator !== DOT) return this.fail(TIME_INVALID);
    if (buf[i + 7] !== separator) return this.fail(TIME_INVALID);
    const year = this.digits(buf, i, 4);
    const month = this.digits(buf, i + 5, 2);
    const day = this.digits(buf, i + 8, 2);
    // Rows run in date order, so the month of the previous row is remembered (day numbers are linear in
    // the day of the month).
    if (year !== this.monthYear || month !== this.month) {
      if (year < 0 || month < 1 || month > 12) return this.fail(TIME_INVALID);
      this.monthYear = year;
      this.month = month;
      this.monthFirstDay = dayFromCivil(year, month, 1);
      this.monthDays = daysInMonth(year, month);
    }
    if (day < 1 || day > this.monthDays) return this.fail(TIME_INVALID);
    const dayNumber = this.monthFirstDay + day - 1;
    if (e === i + 10) {
      this.dateOnly = true;
      return this.done((dayNumber + 1) * DAY_MS);
    }
    const sep = buf[i + 10];
    if (sep !== 84 && sep !== 116 && sep !== SPACE) return this.fail(TIME_INVALID); // T, t or space
    const clock = this.clock(buf, i + 11, e);
    if (clock === null) return this.fail(TIME_INVALID);
    const offset = this.zone(buf, this.clockEnd, e);
    if (offset === null) return this.fail(TIME_INVALID);
    return this.done(dayNumber * DAY_MS + clock - offset);
  }

  /** `HH:MM[:SS[.fraction]]` from i; sets clockEnd to the first byte after it. */
  private clock(buf: Uint8Array, i: number, e: number): number | null {
    if (i + 5 > e || buf[i + 2] !== COLON) return null;
    const hour = this.digits(buf, i, 2);
    const minute = this.digits(buf, i + 3, 2);
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return null;
    let ms = hour * 3_600_000 + minute * 60_000;
    let j = i + 5;
    if (j < e && buf[j] === COLON) {
      const second = this.digits(buf, j + 1, 2);
      if (second < 0 || second > 59 || j + 3 > e) return null;
      ms += second * 1000;
      j += 3;
      if (j < e && (buf[j] === DOT || buf[j] === 44)) {
        j++;
        let scale = 100;
        const fractionStart = j;
        while (j < e && isDigit(buf[j])) {
          ms += (buf[j]! - ZERO) * scale;
          scale /= 10;
          j++;
        }
        if (j === fractionStart) return null;
        ms = Math.floor(ms);
      }
    }
    this.clockEnd = j;
    return ms;
  }

  /** Offset east of UTC in ms of a zone suffix (`Z`, `±HH:MM`, `±HHMM`, `±HH`, none), or null. */
  private zone(buf: Uint8Array, i: number, e: number): number | null {
    if (i === e) return 0;
    if ((buf[i] === 90 || buf[i] === 122) && i + 1 === e) return 0; // Z or z
    const sign = buf[i] === PLUS ? 1 : buf[i] === MINUS ? -1 : 0;
    if (sign === 0) return null;
    const hours = this.digits(buf, i + 1, 2);
    let minutes = 0;
    const rest = e - (i + 3);
    if (rest === 3 && buf[i + 3] === COLON) minutes = this.digits(buf, i + 4, 2);
    else if (rest === 2) minutes = this.digits(buf, i + 3, 2);
    else if (rest !== 0) return null;
    if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59) return null;
    return sign * (hours * 3_600_000 + minutes * 60_000);
  }

  private epoch(buf: Uint8Array, i: number, e: number): number {
    let whole = 0;
    let fraction = 0;
    let scale = 0.1;
    let j = i;
    while (j < e && isDigit(buf[j])) whole = whole * 10 + (buf[j++]! - ZERO);
    if (j === i) return this.fail(TIME_INVALID);
    if (j < e && buf[j] === DOT) {
      j++;
      while (j < e && isDigit(buf[j])) {
        fraction += (buf[j++]! - ZERO) * scale;
        scale /= 10;
      }
    }
    if (j !== e) return this.fail(TIME_INVALID);
    const value = whole + fraction;
    let ms: number;
    if (value < EPOCH_SECONDS_BELOW) ms = value * 1000;
    else if (value < EPOCH_MILLISECONDS_BELOW) ms = value;
    else if (value < EPOCH_MICROSECONDS_BELOW) ms = value / 1000;
    else ms = value / 1e6;
    return this.done(Math.floor(ms));
  }

  /** A fixed-width run of digits as a number, or −1 when one is not a digit. */
  private digits(buf: Uint8Array, at: number, width: number): number {
    let value = 0;
    for (let k = at; k < at + width; k++) {
      const c = buf[k];
      if (!isDigit(c)) return -1;
      value = value * 10 + (c! - ZERO);
    }
    return value;
  }

  private done(ms: number): number {
    if (ms < 0) return this.fail(TIME_BEFORE_EPOCH);
    this.status = TIME_OK;
    return ms;
  }

  private fail(status: number): number {
    this.status = status;
    return NaN;
  }
}
