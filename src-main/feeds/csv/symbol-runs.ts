import { FieldSplitter, fieldText } from './fields';
import type { CsvLayout } from './layout';
import { LineReader } from './line-reader';

/** A stretch of consecutive rows of one symbol: from byte `start` (line `firstLine`) to the next run. */
export interface SymbolRun {
  symbol: string;
  start: number;
  firstLine: number;
}

export interface SymbolScan {
  /** Every symbol in the file, in order of first appearance. */
  symbols: string[];
  /** The runs, when there are at most `maxRuns` of them; null for a file whose symbols interleave row by row. */
  runs: SymbolRun[] | null;
}

/**
 * Reads only the symbol column of a multi-symbol file, once, to list its symbols and find its runs. A file
 * sorted by symbol (all of A, then all of B) is then replayed with one cursor per run, merged in time order;
 * a file sorted by time (symbols interleaved) is replayed with one cursor. Rows that cannot be split are
 * left to the cursor that reports them.
 */
export function scanSymbols(
  fd: number,
  layout: CsvLayout,
  range: { start: number; end: number; firstLine: number },
  maxRuns: number,
  chunkBytes: number,
): SymbolScan {
  const reader = new LineReader(fd, { ...range, chunkBytes, maxLineBytes: chunkBytes });
  const splitter = new FieldSplitter(layout.fieldCount + 1);
  const delimiter = layout.delimiter.charCodeAt(0);
  const column = layout.columns.symbol;
  const symbols: string[] = [];
  const seen = new Set<string>();
  let runs: SymbolRun[] | null = [];
  let current: Buffer | null = null;
  while (reader.next()) {
    const buf = reader.buffer;
    const count = splitter.split(buf, reader.lineStart, reader.lineEnd, delimiter);
    if (count <= column) continue;
    const start = splitter.starts[column]!;
    const end = splitter.ends[column]!;
    if (
      current !== null &&
      end - start === current.length &&
      buf.compare(current, 0, current.length, start, end) === 0
    )
      continue;
    const symbol = fieldText(buf, start, end, splitter.escaped[column] === 1).trim();
    if (symbol === '') continue;
    current = Buffer.from(buf.subarray(start, end));
    if (!seen.has(symbol)) {
      seen.add(symbol);
      symbols.push(symbol);
    }
    if (runs !== null) {
      // The first run starts at the range, so rows before the first readable symbol are not lost.
      const first = runs.length === 0;
      runs.push({
        symbol,
        start: first ? range.start : reader.lineOffset,
        firstLine: first ? range.firstLine : reader.lineNumber,
      });
      if (runs.length > maxRuns) runs = null;
    }
  }
  return { symbols, runs };
}
