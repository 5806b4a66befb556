import type { Bar } from '../../../src-shared/domain/market';
import { makeIssue, type DataIssue } from '../../engine/data/issues';
import { LineReader } from './line-reader';
import type { RowParser } from './row-parser';

export interface CursorRange {
  start: number;
  end: number;
  firstLine: number;
}

const isBlank = (buf: Buffer, start: number, end: number): boolean => {
  for (let i = start; i < end; i++) {
    const b = buf[i];
    if (b !== 32 && b !== 9) return false;
  }
  return true;
};

/**
 * Reads the bars of one byte range of a CSV file in file order. A row that cannot be read becomes an
 * issue (file:line, field, value, message) handed to `onIssue` and is skipped; blank lines are ignored.
 */
export class CsvCursor {
  /** The current bar, or null once the range is exhausted. */
  head: Bar | null = null;
  /** Line number of the current bar. */
  headLine = 0;
  /** Non-blank data lines read so far. */
  rows = 0;
  /** Lines that could not be read. */
  faultyRows = 0;
  private readonly reader: LineReader;

  constructor(
    fd: number,
    range: CursorRange,
    private readonly file: string,
    private readonly parser: RowParser,
    private readonly onIssue: (issue: DataIssue) => void,
    options: {
      chunkBytes: number;
      maxLineBytes: number;
      onRead?: (bytes: number) => void;
    },
    private readonly instrumentHint: string | null = null,
  ) {
    this.reader = new LineReader(fd, { ...range, ...options });
  }

  /** Moves to the next readable bar; returns it, or null at the end of the range. */
  advance(): Bar | null {
    const reader = this.reader;
    while (reader.next()) {
      const buf = reader.buffer;
      if (reader.overlong) {
        this.rows += 1;
        this.faultyRows += 1;
        this.onIssue(
          makeIssue('malformed', 'malformed row: longer than 1 MiB (binary data?)', {
            file: this.file,
            row: reader.lineNumber,
            instrument: this.instrumentHint,
          }),
        );
        continue;
      }
      if (isBlank(buf, reader.lineStart, reader.lineEnd)) continue;
      this.rows += 1;
      const bar = this.parser.parse(buf, reader.lineStart, reader.lineEnd, reader.terminated);
      if (bar === null) {
        this.faultyRows += 1;
        const fault = this.parser.fault!;
        this.onIssue(
          makeIssue(fault.rule, fault.message, {
            file: this.file,
            row: reader.lineNumber,
            instrument: this.instrumentHint,
            timestamp: fault.timestamp,
            field: fault.field,
            value: fault.value,
          }),
        );
        continue;
      }
      this.head = bar;
      this.headLine = reader.lineNumber;
      return bar;
    }
    this.head = null;
    return null;
  }
}
