import { BacktestInputError, type TimeRange } from './options';

const DAY_MS = 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:?\d{2})?$/;

interface Parsed {
  time: number;
  dateOnly: boolean;
}

/** Epoch ms of a civil UTC date-time, or NaN when a field is out of range (2001-02-30, 24:61). */
function civil(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): number {
  const time = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  const back = new Date(time);
  const same =
    back.getUTCFullYear() === y &&
    back.getUTCMonth() === mo - 1 &&
    back.getUTCDate() === d &&
    back.getUTCHours() === h &&
    back.getUTCMinutes() === mi &&
    back.getUTCSeconds() === s;
  return same ? time : Number.NaN;
}

function zoneOffsetMs(zone: string | undefined): number {
  if (zone === undefined || zone === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4))) * 60_000;
}

function parseBound(text: string, option: string): Parsed {
  const trimmed = text.trim();
  const date = DATE.exec(trimmed);
  if (date) {
    const time = civil(Number(date[1]), Number(date[2]), Number(date[3]));
    if (Number.isFinite(time)) return { time, dateOnly: true };
  }
  const full = DATE_TIME.exec(trimmed);
  if (full) {
    const ms = full[7] ? Number(full[7].padEnd(3, '0')) : 0;
    const time = civil(
      Number(full[1]),
      Number(full[2]),
      Number(full[3]),
      Number(full[4]),
      Number(full[5]),
      Number(full[6] ?? 0),
      ms,
    );
    if (Number.isFinite(time)) return { time: time - zoneOffsetMs(full[8]), dateOnly: false };
  }
  throw new BacktestInputError(
    `${option}: "${text}" is not a date (expected YYYY-MM-DD or an ISO date-time such as 2001-01-02T15:30Z; no zone means UTC)`,
  );
}

/**
 * The range of bar close times `--from` / `--to` keep, both ends inclusive. A date D means its whole UTC
 * day: `--from D` keeps bars closing after D 00:00 (so D's daily bar, stamped at 24:00, is in), `--to D`
 * keeps bars closing at or before D 24:00. A date-time is the close time itself. Throws a
 * BacktestInputError naming the option for text that is not a date, or a range that ends before it starts.
 */
export function parseTimeRange(fromText: string | undefined, toText: string | undefined): TimeRange {
  const from = fromText === undefined ? null : parseBound(fromText, '--from');
  const to = toText === undefined ? null : parseBound(toText, '--to');
  const range: TimeRange = {
    from: from === null ? null : from.dateOnly ? from.time + 1 : from.time,
    to: to === null ? null : to.dateOnly ? to.time + DAY_MS : to.time,
    fromText: fromText?.trim() ?? null,
    toText: toText?.trim() ?? null,
  };
  if (range.from !== null && range.to !== null && range.to < range.from)
    throw new BacktestInputError(`--to ${range.toText} is before --from ${range.fromText}`);
  return range;
}

/** Whether a bar closing at `time` is inside the range. */
export function inRange(range: TimeRange, time: number): boolean {
  return (range.from === null || time >= range.from) && (range.to === null || time <= range.to);
}

/** The range as the trader wrote it, for messages: `from 2001-01-02 to 2001-12-31`, or `the whole file`. */
export function describeRange(range: TimeRange): string {
  if (range.fromText === null && range.toText === null) return 'the whole data';
  const parts: string[] = [];
  if (range.fromText !== null) parts.push(`from ${range.fromText}`);
  if (range.toText !== null) parts.push(`to ${range.toText}`);
  return parts.join(' ');
}
