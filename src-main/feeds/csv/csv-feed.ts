import { closeSync } from 'node:fs';
import type { Bar, InstrumentSpec, MarketSlice } from '../../../src-shared/domain/market';
import type { DataIssue } from '../../engine/data/issues';
import type { MarketFeed } from '../../engine/ports';
import { CsvCursor } from './csv-cursor';
import {
  DEFAULT_CHUNK_BYTES,
  fileInstrumentId,
  MAX_LINE_BYTES,
  openCsv,
  type CsvReadOptions,
  type OpenedCsv,
} from './csv-source';
import { csvInstrumentSpec, type CsvInstrumentOptions } from './instrument-specs';
import { RowParser } from './row-parser';
import { scanSymbols } from './symbol-runs';

/** A file to replay; `instrument` names its bars when it has no symbol column (default: the file name). */
export interface CsvSource {
  path: string;
  instrument?: string;
}

export interface CsvFeedOptions extends CsvReadOptions, CsvInstrumentOptions {
  sources: readonly (string | CsvSource)[];
  /** Rows that cannot be read are skipped and reported here (file:line, field, value, message). */
  onIssue?: (issue: DataIssue) => void;
  /** Bytes read so far and in total, after every chunk. */
  onProgress?: (bytesRead: number, totalBytes: number) => void;
  /** A file sorted by symbol is replayed with one cursor per run up to this many runs; default 256. */
  maxRunsPerFile?: number;
}

const DEFAULT_MAX_RUNS = 256;
/** Smaller chunks when a file is read by many cursors at once, so memory stays bounded. */
const RUN_CHUNK_BYTES = 64 * 1024;

interface FileState {
  opened: OpenedCsv;
  openCursors: number;
}

/**
 * Replays CSV files as a MarketFeed: every bar closing at one time, across all files and symbols, makes one
 * slice. Each file is streamed in chunks (memory stays at a chunk per cursor whatever the file size) and
 * the cursors are merged in time order with a binary heap (ties: source order, then file order). A file
 * with a symbol column is scanned once for its symbols; sorted by symbol, it gets a cursor per run.
 * Construction opens the files and throws CsvRefusedError for one that cannot be read; rows that cannot
 * be read are skipped and reported through `onIssue`. Validation of the bars is the engine's (step 2).
 */
export class CsvFeed implements MarketFeed {
  readonly instruments: readonly InstrumentSpec[];
  private readonly cursors: CsvCursor[] = [];
  private readonly owners: FileState[] = [];
  private readonly files: FileState[] = [];
  /** Indices into `cursors`, a min-heap on (head time, index). */
  private readonly heap: number[] = [];
  private bytesRead = 0;
  private readonly totalBytes: number;

  constructor(options: CsvFeedOptions) {
    const specs = new Map<string, InstrumentSpec>();
    try {
      for (const source of options.sources)
        this.addSource(typeof source === 'string' ? { path: source } : source, options, specs);
    } catch (error) {
      this.close();
      throw error;
    }
    this.instruments = [...specs.values()];
    this.totalBytes = this.files.reduce((sum, f) => sum + f.opened.size, 0);
    // Headers were read when the files were opened: progress starts past them.
    this.bytesRead = this.files.reduce((sum, f) => sum + f.opened.dataStart, 0);
    for (let i = 0; i < this.cursors.length; i++) {
      if (this.cursors[i]!.advance() !== null) this.push(i);
      else this.release(i);
    }
  }

  next(): MarketSlice | null {
    if (this.heap.length === 0) return null;
    const time = this.cursors[this.heap[0]!]!.head!.time;
    const bars: Bar[] = [];
    while (this.heap.length > 0) {
      const index = this.heap[0]!;
      const cursor = this.cursors[index]!;
      if (cursor.head!.time !== time) break;
      bars.push(cursor.head!);
      if (cursor.advance() !== null) this.siftDown(0);
      else {
        this.release(index);
        const last = this.heap.pop()!;
        if (this.heap.length > 0) {
          this.heap[0] = last;
          this.siftDown(0);
        }
      }
    }
    return { time, bars };
  }

  /** Closes every file still open (the feed also closes each file when its last cursor ends). */
  close(): void {
    this.heap.length = 0;
    for (const file of this.files) {
      if (file.openCursors >= 0) {
        closeSync(file.opened.fd);
        file.openCursors = -1;
      }
    }
  }

  private addSource(source: CsvSource, options: CsvFeedOptions, specs: Map<string, InstrumentSpec>): void {
    const opened = openCsv(source.path, options);
    const file: FileState = { opened, openCursors: 0 };
    this.files.push(file);
    const { layout } = opened;
    const intervalMs = options.intervalMs ?? null;
    const adjust = options.adjust ?? 'none';
    const chunkBytes = options.chunkBytes ?? DEFAULT_CHUNK_BYTES;
    const range = { start: opened.dataStart, end: opened.size, firstLine: opened.dataLine };
    const onIssue = options.onIssue ?? (() => {});
    const onRead = (bytes: number): void => {
      this.bytesRead += bytes;
      options.onProgress?.(this.bytesRead, this.totalBytes);
    };
    const addCursor = (r: typeof range, instrument: string | null, chunk: number): void => {
      const parser = new RowParser({ layout, instrument, adjust, intervalMs });
      this.cursors.push(
        new CsvCursor(
          opened.fd,
          r,
          source.path,
          parser,
          onIssue,
          { chunkBytes: chunk, maxLineBytes: MAX_LINE_BYTES, onRead },
          instrument,
        ),
      );
      this.owners.push(file);
      file.openCursors += 1;
    };
    const addSpec = (id: string): void => {
      if (!specs.has(id)) specs.set(id, csvInstrumentSpec(id, layout.kind, options));
    };

    if (layout.columns.symbol < 0 || source.instrument !== undefined) {
      const id = fileInstrumentId(opened, source.instrument);
      addSpec(id);
      addCursor(range, id, chunkBytes);
      return;
    }
    const scan = scanSymbols(
      opened.fd,
      layout,
      range,
      options.maxRunsPerFile ?? DEFAULT_MAX_RUNS,
      chunkBytes,
    );
    for (const symbol of scan.symbols) addSpec(symbol);
    if (scan.runs === null || scan.runs.length <= 1) {
      addCursor(range, null, chunkBytes);
      return;
    }
    const runs = scan.runs;
    for (let i = 0; i < runs.length; i++) {
      const end = i + 1 < runs.length ? runs[i + 1]!.start : opened.size;
      addCursor({ start: runs[i]!.start, end, firstLine: runs[i]!.firstLine }, null, RUN_CHUNK_BYTES);
    }
  }

  /** A cursor has ended: its file is closed once all of its cursors have. */
  private release(index: number): void {
    const file = this.owners[index]!;
    file.openCursors -= 1;
    if (file.openCursors === 0) {
      closeSync(file.opened.fd);
      file.openCursors = -1;
    }
  }

  private less(a: number, b: number): boolean {
    const ta = this.cursors[a]!.head!.time;
    const tb = this.cursors[b]!.head!.time;
    return ta < tb || (ta === tb && a < b);
  }

  private push(index: number): void {
    const heap = this.heap;
    heap.push(index);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(heap[i]!, heap[parent]!)) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  }

  private siftDown(start: number): void {
    const heap = this.heap;
    let i = start;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < heap.length && this.less(heap[left]!, heap[smallest]!)) smallest = left;
      if (right < heap.length && this.less(heap[right]!, heap[smallest]!)) smallest = right;
      if (smallest === i) return;
      [heap[i], heap[smallest]] = [heap[smallest]!, heap[i]!];
      i = smallest;
    }
  }
}
