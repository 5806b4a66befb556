import { closeSync } from 'node:fs';
import type { Bar } from '../../src-shared/domain/market';
import { formatTime } from '../engine/data/civil-date';
import { makeIssue } from '../engine/data/issues';
import { CsvCursor } from '../feeds/csv/csv-cursor';
import {
  CsvRefusedError,
  DEFAULT_CHUNK_BYTES,
  fileInstrumentId,
  MAX_LINE_BYTES,
  openCsv,
  type OpenedCsv,
} from '../feeds/csv/csv-source';
import { FieldSplitter } from '../feeds/csv/fields';
import { formatIssue } from '../feeds/csv/format-report';
import { LineReader } from '../feeds/csv/line-reader';
import { NUMBER_OK, NumberReader } from '../feeds/csv/parse-number';
import { TIME_OK, TimeReader } from '../feeds/csv/parse-time';
import { RowParser } from '../feeds/csv/row-parser';
import { BacktestInputError, type TimeRange } from './options';

/** One instrument's bars as columns: close time (epoch ms), open and close, `length` rows used. */
export interface BarColumns {
  file: string;
  instrument: string;
  times: Float64Array;
  opens: Float64Array;
  closes: Float64Array;
  length: number;
}

/** Rough bytes per row of a daily OHLCV file, to size the arrays before reading (they grow if needed). */
const BYTES_PER_ROW_GUESS = 60;

/** Growable columns with the checks every row must pass. */
class ColumnSink {
  times: Float64Array<ArrayBuffer>;
  opens: Float64Array<ArrayBuffer>;
  closes: Float64Array<ArrayBuffer>;
  length = 0;
  /** The instrument of the rows, once a row named it (files with a symbol column). */
  instrument: string | null = null;
  private lastTime = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly file: string,
    private readonly range: TimeRange,
    capacity: number,
  ) {
    this.times = new Float64Array(capacity);
    this.opens = new Float64Array(capacity);
    this.closes = new Float64Array(capacity);
  }

  /** Checks and keeps a row; false once past the end of the range (reading can stop). */
  add(line: number, time: number, open: number, close: number): boolean {
    if (!(time > this.lastTime))
      throw new BacktestInputError(
        `${this.file}:${line}: time ${formatTime(time)} does not come after ${formatTime(this.lastTime)}; the file must be in time order without repeats`,
      );
    this.lastTime = time;
    if (!(open > 0 && Number.isFinite(open)))
      throw new BacktestInputError(`${this.file}:${line}: open ${open} is not a positive price`);
    if (!(close > 0 && Number.isFinite(close)))
      throw new BacktestInputError(`${this.file}:${line}: close ${close} is not a positive price`);
    const { from, to } = this.range;
    if (to !== null && time > to) return false;
    if (from !== null && time < from) return true;
    if (this.length === this.times.length) this.grow();
    this.times[this.length] = time;
    this.opens[this.length] = open;
    this.closes[this.length] = close;
    this.length += 1;
    return true;
  }

  columns(instrument: string): BarColumns {
    const n = this.length;
    return {
      file: this.file,
      instrument,
      times: this.times.subarray(0, n),
      opens: this.opens.subarray(0, n),
      closes: this.closes.subarray(0, n),
      length: n,
    };
  }

  private grow(): void {
    const capacity = this.times.length * 2;
    const copy = (a: Float64Array<ArrayBuffer>): Float64Array<ArrayBuffer> => {
      const bigger = new Float64Array(capacity);
      bigger.set(a);
      return bigger;
    };
    this.times = copy(this.times);
    this.opens = copy(this.opens);
    this.closes = copy(this.closes);
  }
}

/**
 * Reads one CSV file (any layout the CSV reader knows) into typed-array columns, keeping the bars whose
 * close time is in `range`. Strict, because a classic backtest must run on exactly the bars in the file:
 * a row whose time, open or close cannot be read, an open or close that is not a positive number, a time
 * that does not increase, or a second symbol is refused with a BacktestInputError naming the file and line
 * (the CSV reader's own message for an unreadable row). `onRead(bytesRead, totalBytes)` follows the reading.
 *
 * A file with one instrument, a time column stamping the close and no separate time-of-day column (Yahoo
 * and generic daily files) is read on a fast path: only the time, open and close fields are parsed, with no
 * object per row. Any other layout goes through the CSV reader's row parser, which reads every field.
 */
export function readBarColumns(
  file: string,
  range: TimeRange,
  onRead?: (bytesRead: number, totalBytes: number) => void,
): BarColumns {
  let opened: OpenedCsv;
  try {
    opened = openCsv(file);
  } catch (error) {
    if (error instanceof CsvRefusedError) throw new BacktestInputError(error.message);
    throw error;
  }
  try {
    const { layout } = opened;
    const fixed = layout.columns.symbol < 0 ? fileInstrumentId(opened, undefined) : null;
    const parser = new RowParser({ layout, instrument: fixed, adjust: 'none', intervalMs: null });
    const sink = new ColumnSink(file, range, Math.max(1024, Math.ceil(opened.size / BYTES_PER_ROW_GUESS)));
    let bytesRead = opened.dataStart;
    const reading = {
      chunkBytes: DEFAULT_CHUNK_BYTES,
      maxLineBytes: MAX_LINE_BYTES,
      onRead: (bytes: number) => {
        bytesRead += bytes;
        onRead?.(bytesRead, opened.size);
      },
    };
    const simple =
      fixed !== null &&
      layout.columns.timeOfDay < 0 &&
      layout.timeMark === 'close' &&
      !layout.closeTimeColumn;
    if (simple) readFast(opened, parser, sink, reading);
    else readRows(opened, parser, sink, reading, fixed);
    return sink.columns(fixed ?? sink.instrument ?? opened.fileInstrument);
  } finally {
    closeSync(opened.fd);
  }
}

type Reading = { chunkBytes: number; maxLineBytes: number; onRead: (bytes: number) => void };

/** Refuses the row the row parser could not read, with its message. */
function refuseRow(file: string, line: number, parser: RowParser): never {
  const fault = parser.fault;
  const issue = fault
    ? makeIssue(fault.rule, fault.message, { file, row: line, field: fault.field, value: fault.value })
    : makeIssue('malformed', 'the row cannot be read', { file, row: line });
  throw new BacktestInputError(formatIssue(issue));
}

/** The fast path: time, open and close straight from the line's bytes. */
function readFast(opened: OpenedCsv, parser: RowParser, sink: ColumnSink, reading: Reading): void {
  const { layout } = opened;
  const reader = new LineReader(opened.fd, {
    start: opened.dataStart,
    end: opened.size,
    firstLine: opened.dataLine,
    ...reading,
  });
  const splitter = new FieldSplitter(layout.fieldCount + 1);
  const times = new TimeReader();
  const numbers = new NumberReader();
  const delimiter = layout.delimiter.charCodeAt(0);
  const { time: timeColumn, open: openColumn, close: closeColumn } = layout.columns;
  const { fieldCount, decimalComma } = layout;
  const starts = splitter.starts;
  const ends = splitter.ends;
  while (reader.next()) {
    const buf = reader.buffer;
    const start = reader.lineStart;
    const end = reader.lineEnd;
    if (reader.overlong)
      throw new BacktestInputError(
        `${opened.path}:${reader.lineNumber}: malformed row: longer than 1 MiB (binary data?)`,
      );
    if (isBlank(buf, start, end)) continue;
    if (splitter.split(buf, start, end, delimiter) !== fieldCount) {
      parser.parse(buf, start, end, reader.terminated);
      refuseRow(opened.path, reader.lineNumber, parser);
    }
    const time = times.read(buf, starts[timeColumn]!, ends[timeColumn]!);
    const timeOk = times.status === TIME_OK;
    const open = numbers.read(buf, starts[openColumn]!, ends[openColumn]!, decimalComma);
    const openOk = numbers.status === NUMBER_OK;
    const close = numbers.read(buf, starts[closeColumn]!, ends[closeColumn]!, decimalComma);
    if (!timeOk || !openOk || numbers.status !== NUMBER_OK) {
      parser.parse(buf, start, end, reader.terminated);
      refuseRow(opened.path, reader.lineNumber, parser);
    }
    if (!sink.add(reader.lineNumber, time, open, close)) return;
  }
}

/** The general path: every row through the CSV reader's row parser (symbols, time-of-day, close-time stamps). */
function readRows(
  opened: OpenedCsv,
  parser: RowParser,
  sink: ColumnSink,
  reading: Reading,
  fixed: string | null,
): void {
  const file = opened.path;
  const cursor = new CsvCursor(
    opened.fd,
    { start: opened.dataStart, end: opened.size, firstLine: opened.dataLine },
    file,
    parser,
    (issue) => {
      throw new BacktestInputError(formatIssue({ ...issue, file }));
    },
    reading,
    fixed,
  );
  let instrument: string | null = fixed;
  for (let bar: Bar | null = cursor.advance(); bar !== null; bar = cursor.advance()) {
    if (instrument === null) instrument = bar.instrument;
    else if (bar.instrument !== instrument)
      throw new BacktestInputError(
        `${file}:${cursor.headLine}: a second instrument ${bar.instrument} after ${instrument}; classic mode takes one instrument per file`,
      );
    if (!sink.add(cursor.headLine, bar.time, bar.open, bar.close)) break;
  }
  sink.instrument = instrument;
}

function isBlank(buf: Buffer, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const b = buf[i];
    if (b !== 32 && b !== 9) return false;
  }
  return true;
}
