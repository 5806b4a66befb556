import Database from 'better-sqlite3';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
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
  const result = await db.backup(outFile, {
    progress: ({ totalPages, remainingPages }) => {
      onProgress?.(totalPages - remainingPages, totalPages);
      return 256; // pages per step: small steps let the engine's writes interleave
    },
  });
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

function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Writes trades (round trips), fills and checkpoints as CSV files with a header row; returns row counts. */
export function exportCsv(db: Db, dir: string): Record<keyof typeof CSV_EXPORTS, number> {
  mkdirSync(dir, { recursive: true });
  const counts = {} as Record<keyof typeof CSV_EXPORTS, number>;
  for (const [file, sql] of Object.entries(CSV_EXPORTS) as [keyof typeof CSV_EXPORTS, string][]) {
    const statement = db.prepare(sql);
    const columns = statement.columns().map((c) => c.name);
    const lines = [columns.join(',')];
    let rows = 0;
    for (const row of statement.iterate() as Iterable<Record<string, unknown>>) {
      lines.push(columns.map((c) => csvField(row[c])).join(','));
      rows += 1;
    }
    writeFileSync(join(dir, file), `${lines.join('\n')}\n`);
    counts[file] = rows;
  }
  return counts;
}
