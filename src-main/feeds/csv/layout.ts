import { guessDelimiter } from './fields';

/** The file layouts recognised: a generic OHLCV header, Yahoo daily (with adjclose), Binance klines. */
export type LayoutKind = 'generic' | 'yahoo' | 'binance';

/** How a bar's time relates to the time column. */
export type TimeMark = 'close' | 'open';

/** Column indices of a layout; -1 for a column the file does not have. */
export interface LayoutColumns {
  time: number;
  /** A separate time-of-day column next to a date column, or -1. */
  timeOfDay: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
  adjClose: number;
  symbol: number;
  fundingRate: number;
  openInterest: number;
  longLiquidations: number;
  shortLiquidations: number;
}

export interface CsvLayout {
  kind: LayoutKind;
  delimiter: string;
  /** Numbers may use a decimal comma (the delimiter is not a comma). */
  decimalComma: boolean;
  hasHeader: boolean;
  /** Fields every data row must have. */
  fieldCount: number;
  columns: LayoutColumns;
  /** Name of the time column as written (for messages). */
  timeColumnName: string;
  /** Whether the time column stamps the bar's open (then `intervalMs` is added) or its close. */
  timeMark: TimeMark;
  /** A `close_time`-style column: a stamp ending in 999 ms is moved to the next whole second (Binance). */
  closeTimeColumn: boolean;
  /** Header names as written, for messages. */
  names: string[];
}

/** A file cannot be read as market data; `reason` says why, for the user. */
export class LayoutError extends Error {}

/** Header aliases after normalisation (lower case, only letters and digits). */
const ALIASES: Record<Exclude<keyof LayoutColumns, 'time' | 'timeOfDay'>, readonly string[]> = {
  open: ['open', 'o', 'openprice'],
  high: ['high', 'h', 'highprice'],
  low: ['low', 'l', 'lowprice'],
  close: ['close', 'c', 'closeprice', 'closelast', 'last'],
  volume: ['volume', 'vol', 'v', 'basevolume'],
  adjClose: ['adjclose', 'adjustedclose', 'adjcloseprice'],
  symbol: ['symbol', 'ticker', 'instrument', 'pair', 'code'],
  fundingRate: ['fundingrate', 'funding'],
  openInterest: ['openinterest', 'oi'],
  longLiquidations: ['longliquidations', 'liquidationslong', 'longliquidationnotional'],
  shortLiquidations: ['shortliquidations', 'liquidationsshort', 'shortliquidationnotional'],
};
/** Time columns in order of preference. */
const TIME_ALIASES = ['closetime', 'datetime', 'timestamp', 'date', 'time', 'ts', 'unixtime', 'opentime'];
const REQUIRED = ['open', 'high', 'low', 'close', 'volume'] as const;
/** Columns of a Binance kline export, in order (the files have no header before 2025). */
const BINANCE_COLUMNS = 12;
const HEADERLESS_OHLCV = 6;

const normalise = (name: string): string =>
  name
    .trim()
    .replace(/^"|"$/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

/** Splits a header or first line on a delimiter, honouring quotes (for detection only). */
function splitText(line: string, delimiter: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (ch === '"') {
      if (quoted && line[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = !quoted;
    } else if (ch === delimiter && !quoted) {
      out.push(field.trim());
      field = '';
    } else field += ch;
  }
  out.push(field.trim());
  return out;
}

const looksLikeTime = (text: string): boolean =>
  /^\d{4}[-/.]\d{2}[-/.]\d{2}/.test(text) || /^\d{9,19}(\.\d+)?$/.test(text);

function emptyColumns(): LayoutColumns {
  return {
    time: -1,
    timeOfDay: -1,
    open: -1,
    high: -1,
    low: -1,
    close: -1,
    volume: -1,
    adjClose: -1,
    symbol: -1,
    fundingRate: -1,
    openInterest: -1,
    longLiquidations: -1,
    shortLiquidations: -1,
  };
}

/**
 * Works out the layout from the first line of a file. A header is mapped by name (aliases above, any case
 * and punctuation: `Adj Close`, `open_time`, `"Close"`); a first line that starts with a time is data:
 * 12 numeric columns are a Binance kline export, 6 columns are time, open, high, low, close, volume.
 * Throws LayoutError naming what is missing or wrong.
 */
export function detectLayout(firstLine: string): CsvLayout {
  const delimiter = guessDelimiter(firstLine);
  if (delimiter === null)
    throw new LayoutError(
      'the first line has a single column: expected a header naming date or time, open, high, low, close and volume, separated by commas or semicolons',
    );
  const fields = splitText(firstLine, delimiter);
  const decimalComma = delimiter !== ',';
  if (looksLikeTime(fields[0] ?? '')) return headerless(fields, delimiter, decimalComma);

  const names = fields;
  const keys = names.map(normalise);
  const columns = emptyColumns();
  for (const [column, aliases] of Object.entries(ALIASES) as [keyof typeof ALIASES, readonly string[]][]) {
    const matches = keys.flatMap((key, index) => (aliases.includes(key) ? [index] : []));
    // Two columns for one value (`close` and `Close`, or `close` and `last`): which one is meant is a guess.
    if (matches.length > 1) {
      const quoted = matches.map((index) => `"${names[index]!}"`).join(' and ');
      const value = column.replace(/[A-Z]/g, (letter) => ` ${letter.toLowerCase()}`);
      throw new LayoutError(`the header names the ${value} twice (${quoted}): keep one of those columns`);
    }
    columns[column] = matches[0] ?? -1;
  }
  const timeKey = TIME_ALIASES.find((alias) => keys.includes(alias));
  if (timeKey !== undefined) {
    columns.time = keys.indexOf(timeKey);
    const again = keys.indexOf(timeKey, columns.time + 1);
    if (again >= 0)
      throw new LayoutError(
        `the header names the time twice ("${names[columns.time]!}" and "${names[again]!}"): keep one of those columns`,
      );
  }
  if (timeKey === 'date' && keys.includes('time')) columns.timeOfDay = keys.indexOf('time');

  const missing = [...(columns.time < 0 ? ['date or time'] : []), ...REQUIRED.filter((c) => columns[c] < 0)];
  if (missing.length > 0) {
    const list =
      missing.length === 1 ? missing[0]! : `${missing.slice(0, -1).join(', ')} and ${missing.at(-1)!}`;
    throw new LayoutError(
      `no ${list} column in the header (found: ${names.join(', ')}); expected date or time, open, high, low, close and volume`,
    );
  }
  const kind =
    keys.includes('opentime') && keys.includes('closetime')
      ? 'binance'
      : columns.adjClose >= 0
        ? 'yahoo'
        : 'generic';
  return {
    kind,
    delimiter,
    decimalComma,
    hasHeader: true,
    fieldCount: names.length,
    columns,
    timeColumnName: names[columns.time]!,
    timeMark: timeKey === 'opentime' ? 'open' : 'close',
    closeTimeColumn: timeKey === 'closetime',
    names,
  };
}

function headerless(fields: string[], delimiter: string, decimalComma: boolean): CsvLayout {
  const columns = emptyColumns();
  if (fields.length === BINANCE_COLUMNS && /^\d{12,17}$/.test(fields[0]!) && /^\d{12,17}$/.test(fields[6]!)) {
    Object.assign(columns, { time: 6, open: 1, high: 2, low: 3, close: 4, volume: 5 });
    return {
      kind: 'binance',
      delimiter,
      decimalComma,
      hasHeader: false,
      fieldCount: BINANCE_COLUMNS,
      columns,
      timeColumnName: 'close_time',
      timeMark: 'close',
      closeTimeColumn: true,
      names: ['open_time', 'open', 'high', 'low', 'close', 'volume', 'close_time'],
    };
  }
  if (fields.length === HEADERLESS_OHLCV) {
    Object.assign(columns, { time: 0, open: 1, high: 2, low: 3, close: 4, volume: 5 });
    return {
      kind: 'generic',
      delimiter,
      decimalComma,
      hasHeader: false,
      fieldCount: HEADERLESS_OHLCV,
      columns,
      timeColumnName: 'time',
      timeMark: 'close',
      closeTimeColumn: false,
      names: ['time', 'open', 'high', 'low', 'close', 'volume'],
    };
  }
  throw new LayoutError(
    `no header row, and ${fields.length} columns match no known layout (6: time, open, high, low, close, volume; 12: a Binance kline export); add a header naming the columns`,
  );
}
