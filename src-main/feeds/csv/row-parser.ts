import type { Bar } from '../../../src-shared/domain/market';
import type { IssueRule } from '../../engine/data/issues';
import { FieldSplitter, fieldText } from './fields';
import type { CsvLayout, LayoutColumns } from './layout';
import { NUMBER_INVALID, NUMBER_MISSING, NumberReader } from './parse-number';
import { TIME_BEFORE_EPOCH, TIME_MISSING, TIME_OK, TimeReader } from './parse-time';

/** How prices are taken from a file with an adjusted close: as traded, or scaled by adjclose / close. */
export type PriceAdjustment = 'none' | 'adjclose';

export interface RowParserOptions {
  layout: CsvLayout;
  /** The instrument of every row when the file has no symbol column. */
  instrument: string | null;
  adjust: PriceAdjustment;
  /** Bar length, added to open-time stamps. */
  intervalMs: number | null;
}

/** Why the last row could not be read. */
export interface RowFault {
  rule: IssueRule;
  field: string | null;
  value: string | null;
  message: string;
  /** The bar's time when it was read before the fault. */
  timestamp: number | null;
}

const MAX_QUOTED_CHARS = 40;
const TIME_HINT = 'expected YYYY-MM-DD, an ISO date-time or epoch seconds/milliseconds';

/**
 * Turns one data line into a Bar: splits it, checks the field count, reads the time and the numbers
 * (straight from bytes), applies the price adjustment and the time mark. Returns null when the row cannot
 * be read, with `fault` saying why. NaN and ±Infinity written in the file pass through to the validator.
 */
export class RowParser {
  fault: RowFault | null = null;
  private readonly splitter: FieldSplitter;
  private readonly numbers = new NumberReader();
  private readonly times = new TimeReader();
  private readonly delimiter: number;
  private readonly columns: LayoutColumns;
  private lastSymbolBytes: Buffer = Buffer.alloc(0);
  private lastSymbol = '';

  constructor(private readonly options: RowParserOptions) {
    const { layout } = options;
    this.columns = layout.columns;
    this.delimiter = layout.delimiter.charCodeAt(0);
    this.splitter = new FieldSplitter(layout.fieldCount + 1);
    if (layout.timeMark === 'open' && !(options.intervalMs !== null && options.intervalMs > 0))
      throw new RangeError('open-time stamps need the bar interval');
    if (options.instrument === null && layout.columns.symbol < 0)
      throw new RangeError('rows need an instrument: a symbol column or a fixed instrument');
  }

  /** The last row's time was a date without a time of day (stamped at the end of that day). */
  get dateOnly(): boolean {
    return this.times.dateOnly && this.columns.timeOfDay < 0;
  }

  parse(buf: Buffer, start: number, end: number, terminated: boolean): Bar | null {
    this.fault = null;
    const { layout } = this.options;
    const count = this.splitter.split(buf, start, end, this.delimiter);
    if (count === 0) {
      const what =
        this.splitter.fault === 'unterminated-quote'
          ? 'a quote is not closed'
          : 'text follows a closing quote';
      return this.fail('malformed', null, null, `malformed row: ${what}`);
    }
    if (count !== layout.fieldCount) {
      const cut = terminated ? '' : ' (the last line is cut short: the file may be truncated)';
      return this.fail(
        'field-count',
        null,
        null,
        `expected ${layout.fieldCount} fields, found ${count}${cut}`,
      );
    }
    const time = this.readTime(buf);
    if (Number.isNaN(time)) return null;
    const c = this.columns;
    let open = this.number(buf, c.open, 'open', time);
    if (this.fault) return null;
    let high = this.number(buf, c.high, 'high', time);
    if (this.fault) return null;
    let low = this.number(buf, c.low, 'low', time);
    if (this.fault) return null;
    let close = this.number(buf, c.close, 'close', time);
    if (this.fault) return null;
    const volume = this.number(buf, c.volume, 'volume', time);
    if (this.fault) return null;
    if (this.options.adjust === 'adjclose' && c.adjClose >= 0) {
      const adjusted = this.number(buf, c.adjClose, 'adjclose', time);
      if (this.fault) return null;
      const factor = adjusted / close;
      open *= factor;
      high *= factor;
      low *= factor;
      close = adjusted;
    }
    const instrument = this.instrumentOf(buf, time);
    if (instrument === null) return null;
    const bar: Bar = { instrument, time, open, high, low, close, volume };
    return this.extras(buf, bar) ? bar : null;
  }

  private readTime(buf: Buffer): number {
    const c = this.columns;
    const name = this.options.layout.timeColumnName;
    let time = this.times.read(buf, this.splitter.starts[c.time]!, this.splitter.ends[c.time]!);
    const status = this.times.status;
    if (status !== TIME_OK) {
      const text = this.quoted(buf, c.time);
      if (status === TIME_MISSING) this.fail('missing', name, '', `${name} is empty`);
      else if (status === TIME_BEFORE_EPOCH)
        this.fail(
          'timestamp',
          name,
          text,
          `${name}: ${JSON.stringify(text)} is before 1970-01-01, where engine time starts`,
        );
      else
        this.fail(
          'timestamp',
          name,
          text,
          `${name}: ${JSON.stringify(text)} is not a date or time (${TIME_HINT})`,
        );
      return NaN;
    }
    if (c.timeOfDay >= 0 && this.times.dateOnly) {
      const ofDay = this.times.readTimeOfDay(
        buf,
        this.splitter.starts[c.timeOfDay]!,
        this.splitter.ends[c.timeOfDay]!,
      );
      if (Number.isNaN(ofDay)) {
        const text = this.quoted(buf, c.timeOfDay);
        const label = this.options.layout.names[c.timeOfDay]!;
        this.fail(
          'timestamp',
          label,
          text,
          `${label}: ${JSON.stringify(text)} is not a time of day (expected HH:MM or HH:MM:SS)`,
        );
        return NaN;
      }
      time = time - 86_400_000 + ofDay; // the date was read as the end of its day
    }
    if (this.options.layout.closeTimeColumn && time % 1000 === 999) time += 1;
    if (this.options.layout.timeMark === 'open') time += this.options.intervalMs!;
    return time;
  }

  private number(buf: Buffer, column: number, name: string, time: number): number {
    const value = this.numbers.read(
      buf,
      this.splitter.starts[column]!,
      this.splitter.ends[column]!,
      this.options.layout.decimalComma,
    );
    const status = this.numbers.status;
    if (status === NUMBER_MISSING)
      this.fail('missing', name, this.quoted(buf, column), `${name} is empty`, time);
    else if (status === NUMBER_INVALID) {
      const text = this.quoted(buf, column);
      this.fail('not-a-number', name, text, `${name}: ${JSON.stringify(text)} is not a number`, time);
    }
    return value;
  }

  /** An optional numeric column: undefined when absent or empty; sets a fault on text. */
  private optional(buf: Buffer, column: number, name: string, time: number): number | undefined {
    if (column < 0) return undefined;
    const value = this.numbers.read(
      buf,
      this.splitter.starts[column]!,
      this.splitter.ends[column]!,
      this.options.layout.decimalComma,
    );
    if (this.numbers.status === NUMBER_MISSING) return undefined;
    if (this.numbers.status === NUMBER_INVALID) {
      const text = this.quoted(buf, column);
      this.fail('not-a-number', name, text, `${name}: ${JSON.stringify(text)} is not a number`, time);
    }
    return value;
  }

  private extras(buf: Buffer, bar: Bar): boolean {
    const c = this.columns;
    if (c.fundingRate < 0 && c.openInterest < 0 && c.longLiquidations < 0 && c.shortLiquidations < 0)
      return true;
    const fundingRate = this.optional(buf, c.fundingRate, 'funding_rate', bar.time);
    const openInterest = this.optional(buf, c.openInterest, 'open_interest', bar.time);
    const long = this.optional(buf, c.longLiquidations, 'long_liquidations', bar.time);
    const short = this.optional(buf, c.shortLiquidations, 'short_liquidations', bar.time);
    if (this.fault) return false;
    if (fundingRate !== undefined) bar.fundingRate = fundingRate;
    if (openInterest !== undefined) bar.openInterest = openInterest;
    if (long !== undefined || short !== undefined)
      bar.liquidations = { longNotional: long ?? 0, shortNotional: short ?? 0 };
    return true;
  }

  /** The symbol of the row (the text is reused while it repeats), or the file's instrument. */
  private instrumentOf(buf: Buffer, time: number): string | null {
    if (this.options.instrument !== null) return this.options.instrument;
    const column = this.columns.symbol;
    const start = this.splitter.starts[column]!;
    const end = this.splitter.ends[column]!;
    const length = end - start;
    if (
      length === this.lastSymbolBytes.length &&
      buf.compare(this.lastSymbolBytes, 0, length, start, end) === 0
    )
      return this.lastSymbol;
    const text = fieldText(buf, start, end, this.splitter.escaped[column] === 1).trim();
    if (text === '') {
      this.fail('missing', 'symbol', '', 'symbol is empty', time);
      return null;
    }
    this.lastSymbolBytes = Buffer.from(buf.subarray(start, end));
    this.lastSymbol = text;
    return text;
  }

  private quoted(buf: Buffer, column: number): string {
    const text = fieldText(
      buf,
      this.splitter.starts[column]!,
      this.splitter.ends[column]!,
      this.splitter.escaped[column] === 1,
    );
    return text.length > MAX_QUOTED_CHARS ? `${text.slice(0, MAX_QUOTED_CHARS)}…` : text;
  }

  private fail(
    rule: IssueRule,
    field: string | null,
    value: string | null,
    message: string,
    timestamp: number | null = null,
  ): null {
    this.fault = {
      rule,
      field,
      value,
      message,
      timestamp: timestamp !== null && Number.isFinite(timestamp) ? timestamp : null,
    };
    return null;
  }
}
