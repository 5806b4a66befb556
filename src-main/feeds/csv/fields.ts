const QUOTE = 34;
const SPACE = 32;
const TAB = 9;

/** Why a line could not be split. */
export type SplitFault = 'unterminated-quote' | 'text-after-quote' | null;

/**
 * Splits one line into field ranges without allocating: `starts[i]`/`ends[i]` bound field i (quotes
 * excluded). RFC 4180 quoting: a field starting with `"` runs to the matching `"`, `""` inside stands for
 * one quote (`escaped[i]` = 1 then). A quoted field cannot span lines. Fields beyond the capacity are
 * counted but not stored.
 */
export class FieldSplitter {
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly escaped: Uint8Array;
  count = 0;
  fault: SplitFault = null;

  constructor(readonly capacity: number) {
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
    this.escaped = new Uint8Array(capacity);
  }

  /** Splits `buf[start, end)` on `delimiter` (a byte); returns the field count (0 for a fault). */
  split(buf: Uint8Array, start: number, end: number, delimiter: number): number {
    let count = 0;
    let i = start;
    this.fault = null;
    for (;;) {
      let fieldStart = i;
      let fieldEnd: number;
      let escaped = 0;
      let next: number;
      let lead = i;
      while (lead < end && (buf[lead] === SPACE || buf[lead] === TAB) && buf[lead] !== delimiter) lead++;
      if (lead < end && buf[lead] === QUOTE) {
        let q = lead + 1;
        for (;;) {
          while (q < end && buf[q] !== QUOTE) q++;
          if (q >= end) {
            this.fault = 'unterminated-quote';
            this.count = 0;
            return 0;
          }
          if (q + 1 < end && buf[q + 1] === QUOTE) {
            escaped = 1;
            q += 2;
            continue;
          }
          break;
        }
        fieldStart = lead + 1;
        fieldEnd = q;
        next = q + 1;
        while (next < end && (buf[next] === SPACE || buf[next] === TAB) && buf[next] !== delimiter) next++;
        if (next < end && buf[next] !== delimiter) {
          this.fault = 'text-after-quote';
          this.count = 0;
          return 0;
        }
      } else {
        next = i;
        while (next < end && buf[next] !== delimiter) next++;
        fieldEnd = next;
      }
      if (count < this.capacity) {
        this.starts[count] = fieldStart;
        this.ends[count] = fieldEnd;
        this.escaped[count] = escaped;
      }
      count += 1;
      if (next >= end) break;
      i = next + 1;
    }
    this.count = count;
    return count;
  }
}

/** The text of a field, quotes unescaped (`""` → `"`). */
export function fieldText(buf: Buffer, start: number, end: number, escaped: boolean): string {
  const text = buf.toString('utf8', start, end);
  return escaped ? text.replaceAll('""', '"') : text;
}

/** Counts each candidate delimiter outside quotes in a line; returns the most frequent (the first on a tie), or null. */
export function guessDelimiter(
  line: string,
  candidates: readonly string[] = [',', ';', '\t', '|'],
): string | null {
  let best: string | null = null;
  let bestCount = 0;
  for (const candidate of candidates) {
    let count = 0;
    let quoted = false;
    for (const ch of line) {
      if (ch === '"') quoted = !quoted;
      else if (!quoted && ch === candidate) count += 1;
    }
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}
