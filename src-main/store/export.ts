import Database from 'better-sqlite3';
import { closeSync, existsSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from './database';

/**
 * Copies the live database with SQLite's online backup from the given (writer) connection, so the copy is
 * a consistent snapshot while the engine keeps writing; then checks the copy with integrity_check.
 */
export async function backupDatabase(
  db: Db,
  outFile: string,
  onProgress?: (done: number, total: number) => void,
): Promise<{ pages: number }> {
  if (existsSync(outFile)) throw new Error(`${outFile} already exists; choose another file name`);
  let result: Database.BackupMetadata;
  try {
    result = await db.backup(outFile, {
      progress: ({ totalPages, remainingPages }) => {
        onProgress?.(totalPages - remainingPages, totalPages);
        return 256; // pages per step: small steps let the engine's writes interleave
      },
    });
  } catch (error) {
    // SQLite's own words ("unable to open database file") do not say which file.
    throw new Error(
      `${outFile}: cannot write the copy (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  const copy = new Database(outFile, { readonly: true });
  try {
    const check = copy.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new Error(`the copy at ${outFile} failed integrity_check: ${String(check)}`);
  } finally {
    copy.close();
  }
  return { pages: result.totalPages };
}

const CSV_EXPORTS = {
  'trades.csv': 'SELECT * FROM trades ORDER BY id',
  'fills.csv': 'SELECT * FROM fills ORDER BY id',
  'checkpoints.csv':
    'SELECT id, time, cash, equity, realized_pnl, commissions, peak_equity, positions, last_fill_id FROM portfolio_checkpoints ORDER BY id',
} as const;

/** Text gathered before each write: large enough for few system calls, small enough to stay in memory. */
const CSV_CHUNK_CHARS = 1 << 20;

function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value); // digits, sign, point, e, Infinity: never quoted
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Writes all of a string to a file descriptor (a write may take only part of it). */
function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  for (let offset = 0; offset < bytes.length;) offset += writeSync(fd, bytes, offset);
}

/**
 * Writes trades (round trips), fills and checkpoints as CSV files with a header row; returns row counts.
 * The three are read in one read transaction, so they hold the database of one moment even while another
 * connection keeps writing. A folder that already holds one of the files is refused before anything is
 * written (an earlier export is never replaced). Rows are streamed to disk a chunk at a time (a large
 * database's fills do not fit in one string), each file under a `.partial` name until it is complete, so a
 * failed export leaves no truncated CSV behind.
 */
export function exportCsv(db: Db, dir: string): Record<keyof typeof CSV_EXPORTS, number> {
  const clash = Object.keys(CSV_EXPORTS).find((file) => existsSync(join(dir, file)));
  if (clash !== undefined) throw new Error(`${join(dir, clash)} already exists; choose an empty folder`);
  mkdirSync(dir, { recursive: true });
  return db.transaction(() => writeCsvFiles(db, dir))();
}

function writeCsvFiles(db: Db, dir: string): Record<keyof typeof CSV_EXPORTS, number> {
  const counts = {} as Record<keyof typeof CSV_EXPORTS, number>;
  for (const [file, sql] of Object.entries(CSV_EXPORTS) as [keyof typeof CSV_EXPORTS, string][]) {
    const statement = db.prepare(sql).raw(true);
    const path = join(dir, file);
    const partial = `${path}.partial`;
    const fd = openSync(partial, 'w');
    let rows = 0;
    try {
      let chunk = `${statement
        .columns()
        .map((c) => c.name)
        .join(',')}\n`;
      for (const row of statement.iterate() as Iterable<unknown[]>) {
        let line = csvField(row[0]);
        for (let c = 1; c < row.length; c++) line += `,${csvField(row[c])}`;
        chunk += `${line}\n`;
        rows += 1;
        if (chunk.length >= CSV_CHUNK_CHARS) {
          writeAll(fd, chunk);
          chunk = '';
        }
      }
      writeAll(fd, chunk);
    } catch (error) {
      closeSync(fd);
      rmSync(partial, { force: true });
      throw error;
    }
    closeSync(fd);
    renameSync(partial, path);
    counts[file] = rows;
  }
  return counts;
}
