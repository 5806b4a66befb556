import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { detectLayout, LayoutError, type CsvLayout } from './layout';
import { LineReader } from './line-reader';
import type { PriceAdjustment } from './row-parser';

/** How CSV files are read (shared by the feed and the file check). */
export interface CsvReadOptions {
  /** `adjclose`: scale open/high/low/close by adjclose / close (Yahoo); default `none`, prices as traded. */
  adjust?: PriceAdjustment;
  /** Bar length in ms: required for files stamped by open time (`open_time` without `close_time`). */
  intervalMs?: number;
  /** Bytes per read; default 1 MiB. */
  chunkBytes?: number;
}

export const DEFAULT_CHUNK_BYTES = 1 << 20;
/** Longest data line kept; longer ones are reported and skipped. */
export const MAX_LINE_BYTES = 1 << 20;
const UTF8 = new TextDecoder('utf-8', { fatal: true });
/** Bytes looked at to recognise a file. */
const HEAD_BYTES = 64 * 1024;
const CARRIAGE_RETURN = 13;
const LINE_FEED = 10;

/** A file that cannot be read as market data at all; the message names the file and says why. */
export class CsvRefusedError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'CsvRefusedError';
  }
}

/** An open CSV file with its layout and where its data rows start. */
export interface OpenedCsv {
  path: string;
  fd: number;
  size: number;
  layout: CsvLayout;
  /** Byte offset and line number of the first data row. */
  dataStart: number;
  dataLine: number;
  /** The instrument named by the file (its name without extension), used when it has no symbol column. */
  fileInstrument: string;
}

/** First byte that cannot be in a text CSV (NUL or a control character other than tab, CR, LF), or -1. */
function firstBinaryByte(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13) return i;
  }
  return -1;
}

/**
 * Opens a CSV file and recognises its layout from its first non-blank line. Refuses, with a
 * CsvRefusedError naming the file, what cannot be market data: a missing or empty file, binary data,
 * UTF-16 text, lines ended by CR alone, a first line over 64 KiB, a header without the required columns,
 * open-time stamps without an interval.
 */
export function openCsv(path: string, options: CsvReadOptions = {}): OpenedCsv {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CsvRefusedError(
      path,
      code === 'ENOENT' ? 'no such file' : `cannot be opened (${code ?? String(error)})`,
    );
  }
  try {
    return recognise(path, fd, options);
  } catch (error) {
    closeSync(fd);
    throw error;
  }
}

function recognise(path: string, fd: number, options: CsvReadOptions): OpenedCsv {
  const stat = fstatSync(fd);
  if (!stat.isFile()) throw new CsvRefusedError(path, 'not a file');
  const size = stat.size;
  if (size === 0) throw new CsvRefusedError(path, 'the file is empty');
  const head = Buffer.alloc(Math.min(size, HEAD_BYTES));
  readSync(fd, head, 0, head.length, 0);
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff))
    throw new CsvRefusedError(path, 'the file is UTF-16 text: save it as UTF-8 CSV');
  const nul = head.indexOf(0);
  if (nul >= 0) throw new CsvRefusedError(path, `binary data, not CSV text (a NUL byte at offset ${nul})`);
  // Text with a CR not followed by LF before its first LF: lines end with CR alone, which the line reader
  // does not split on (binary data is left to the checks below; a stray CR in a later row is that row's).
  const cr = head.indexOf(CARRIAGE_RETURN);
  const lf = head.indexOf(LINE_FEED);
  if (
    cr >= 0 &&
    (lf < 0 || cr < lf) &&
    (cr + 1 < head.length || head.length === size) &&
    head[cr + 1] !== LINE_FEED &&
    firstBinaryByte(head) < 0
  )
    throw new CsvRefusedError(
      path,
      'lines end with a carriage return only (an old Mac CSV): save the file with Windows (CR LF) or Unix (LF) line ends',
    );
  const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  const reader = new LineReader(fd, {
    start: bom,
    end: size,
    firstLine: 1,
    chunkBytes: HEAD_BYTES,
    maxLineBytes: HEAD_BYTES,
  });
  let line = '';
  for (;;) {
    if (!reader.next()) throw new CsvRefusedError(path, 'the file is empty');
    if (reader.overlong)
      throw new CsvRefusedError(
        path,
        `line ${reader.lineNumber} is longer than 64 KiB: this is not a CSV file`,
      );
    const bytes = reader.buffer.subarray(reader.lineStart, reader.lineEnd);
    const binary = firstBinaryByte(bytes);
    if (binary >= 0)
      throw new CsvRefusedError(
        path,
        `binary data, not CSV text (byte 0x${bytes[binary]!.toString(16).padStart(2, '0')} at offset ${reader.lineOffset + binary})`,
      );
    try {
      line = UTF8.decode(bytes);
    } catch {
      throw new CsvRefusedError(
        path,
        `line ${reader.lineNumber} is not UTF-8 text (binary data, or another encoding: save the file as UTF-8 CSV)`,
      );
    }
    if (line.trim() !== '') break;
  }
  let layout: CsvLayout;
  try {
    layout = detectLayout(line);
  } catch (error) {
    if (error instanceof LayoutError) throw new CsvRefusedError(path, error.message);
    throw error;
  }
  if (layout.timeMark === 'open' && !(options.intervalMs !== undefined && options.intervalMs > 0))
    throw new CsvRefusedError(
      path,
      `the ${layout.timeColumnName} column stamps each bar's open and there is no close time column: give the bar interval so bars can be stamped at their close`,
    );
  return {
    path,
    fd,
    size,
    layout,
    dataStart: layout.hasHeader ? reader.offsetAfterLine : reader.lineOffset,
    dataLine: layout.hasHeader ? reader.lineNumber + 1 : reader.lineNumber,
    fileInstrument: basename(path, extname(path)),
  };
}

/**
 * The instrument of a file without a symbol column: the name given, else the file name without its
 * extension; refused when that is not 1 to 64 characters.
 */
export function fileInstrumentId(opened: OpenedCsv, given: string | undefined): string {
  const id = (given ?? opened.fileInstrument).trim();
  if (id.length === 0 || id.length > 64)
    throw new CsvRefusedError(
      opened.path,
      `"${id}" cannot be an instrument name (1 to 64 characters): name the instrument`,
    );
  return id;
}
