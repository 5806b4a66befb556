/** The field held a number (or NaN / ±Infinity written as such). */
export const NUMBER_OK = 0;
/** The field was empty or a missing-value marker (NA, N/A, null, None). */
export const NUMBER_MISSING = 1;
/** The field held text that is not a number. */
export const NUMBER_INVALID = 2;

const MINUS = 45;
const PLUS = 43;
const DOT = 46;
const COMMA = 44;
const ZERO = 48;
const NINE = 57;
const SPACE = 32;
const TAB = 9;
const LOWER_E = 101;
const UPPER_E = 69;

/** Exact powers of ten up to 10^22, the largest a double holds exactly. */
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, i) => 10 ** i);
/** Significant digits an exact double integer always holds (10^15 < 2^53). */
const MAX_FAST_DIGITS = 15;

const MISSING_MARKERS = new Set(['na', 'n/a', 'null', 'none', '-']);

/**
 * Parses decimal numbers straight from bytes, with the same result as `Number(text)` (the fast path is
 * Clinger's: an integer of ≤ 15 digits times or divided by an exact power of ten ≤ 10^22 rounds once;
 * anything longer goes through `Number`). Accepts a sign, a decimal point (or a decimal comma when the
 * delimiter is not a comma), an exponent, surrounding spaces, and `nan`, `inf`, `infinity` in any case.
 * After each call `status` says whether the field was a number, missing, or invalid.
 */
export class NumberReader {
  status = NUMBER_OK;

  read(buf: Uint8Array, start: number, end: number, decimalComma: boolean): number {
    // Most fields are plain `digits[.digits]` with at most 15 digits: read them in two tight loops. The
    // value is the one the general path below computes (same mantissa and power of ten); anything else
    // (sign, spaces, exponent, comma, words, more digits) falls through to it.
    let mantissa = 0;
    let i = start;
    for (; i < end; i++) {
      const digit = buf[i]! - ZERO;
      if (digit < 0 || digit > 9) break;
      mantissa = mantissa * 10 + digit;
    }
    let digits = i - start;
    if (digits > 0 && digits <= MAX_FAST_DIGITS) {
      let fractionDigits = 0;
      if (i < end && buf[i] === DOT) {
        for (i++; i < end; i++) {
          const digit = buf[i]! - ZERO;
          if (digit < 0 || digit > 9) break;
          mantissa = mantissa * 10 + digit;
          fractionDigits++;
        }
        digits += fractionDigits;
      }
      if (i === end && digits <= MAX_FAST_DIGITS) {
        this.status = NUMBER_OK;
        return fractionDigits === 0 ? mantissa : mantissa / POWERS_OF_TEN[fractionDigits]!;
      }
    }
    return this.readGeneral(buf, start, end, decimalComma);
  }

  /** Any number the fast path of `read` does not take. */
  private readGeneral(buf: Uint8Array, start: number, end: number, decimalComma: boolean): number {
    let i = start;
    let e = end;
    while (i < e && (buf[i] === SPACE || buf[i] === TAB)) i++;
    while (e > i && (buf[e - 1] === SPACE || buf[e - 1] === TAB)) e--;
    if (i === e) {
      this.status = NUMBER_MISSING;
      return NaN;
    }
    const first = i;
    let negative = false;
    if (buf[i] === MINUS) {
      negative = true;
      i++;
    } else if (buf[i] === PLUS) i++;
    let mantissa = 0;
    let significant = 0;
    let fractionDigits = 0;
    let sawDigit = false;
    let sawPoint = false;
    let exponent = 0;
    for (; i < e; i++) {
      const c = buf[i]!;
      if (c >= ZERO && c <= NINE) {
        sawDigit = true;
        if (sawPoint) fractionDigits++;
        if (significant > 0 || c !== ZERO) {
          significant++;
          if (significant <= MAX_FAST_DIGITS) mantissa = mantissa * 10 + (c - ZERO);
        }
      } else if ((c === DOT || (decimalComma && c === COMMA)) && !sawPoint) {
        sawPoint = true;
      } else if ((c === LOWER_E || c === UPPER_E) && sawDigit) {
        const parsed = this.exponent(buf, i + 1, e);
        if (parsed === null) return this.invalid();
        exponent = parsed;
        i = e;
        break;
      } else {
        return this.word(buf, first, e);
      }
    }
    if (!sawDigit) return this.word(buf, first, e);
    this.status = NUMBER_OK;
    const scale = exponent - fractionDigits;
    if (significant > MAX_FAST_DIGITS || scale > 22 || scale < -22) {
      const text = Buffer.from(buf.buffer, buf.byteOffset + first, e - first).toString('latin1');
      const value = Number(decimalComma ? text.replace(',', '.') : text);
      if (Number.isNaN(value)) return this.invalid();
      return value;
    }
    const magnitude = scale >= 0 ? mantissa * POWERS_OF_TEN[scale]! : mantissa / POWERS_OF_TEN[-scale]!;
    return negative ? -magnitude : magnitude;
  }

  /** The digits of an exponent with optional sign, or null when there are none or other characters. */
  private exponent(buf: Uint8Array, start: number, end: number): number | null {
    let i = start;
    let negative = false;
    if (buf[i] === MINUS || buf[i] === PLUS) {
      negative = buf[i] === MINUS;
      i++;
    }
    if (i >= end) return null;
    let value = 0;
    for (; i < end; i++) {
      const c = buf[i]!;
      if (c < ZERO || c > NINE) return null;
      value = Math.min(value * 10 + (c - ZERO), 100_000);
    }
    return negative ? -value : value;
  }

  /** A field without digits: NaN/Infinity words, missing-value markers, or invalid text. */
  private word(buf: Uint8Array, start: number, end: number): number {
    if (end - start > 12) return this.invalid();
    const text = Buffer.from(buf.buffer, buf.byteOffset + start, end - start)
      .toString('latin1')
      .toLowerCase();
    if (MISSING_MARKERS.has(text)) {
      this.status = NUMBER_MISSING;
      return NaN;
    }
    this.status = NUMBER_OK;
    const unsigned = text.startsWith('-') || text.startsWith('+') ? text.slice(1) : text;
    if (unsigned === 'nan') return NaN;
    if (unsigned === 'inf' || unsigned === 'infinity') return text.startsWith('-') ? -Infinity : Infinity;
    return this.invalid();
  }

  private invalid(): number {
    this.status = NUMBER_INVALID;
    return NaN;
  }
}
