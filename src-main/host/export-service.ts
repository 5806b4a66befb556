import { existsSync, statSync } from 'node:fs';
import { basename, isAbsolute, join } from 'node:path';
import type { ExportFormat, ExportResult } from '../../src-shared/ipc/dashboard-schemas';
import type { Db } from '../store/database';
import { backupDatabase, exportCsv } from '../store/export';

/** The CSV files an export writes (store/export.ts exportCsv). */
export const CSV_FILES = ['trades.csv', 'fills.csv', 'checkpoints.csv'] as const;

/**
 * Writes an export at an absolute path: `database` a consistent online-backup copy to a new file (never
 * over an existing one); `csv` trades, fills and checkpoints into a folder that does not already hold
 * those files. Throws an Error saying what is wrong with the path.
 */
export async function writeExport(db: Db, format: ExportFormat, path: string): Promise<ExportResult> {
  if (!isAbsolute(path)) throw new Error(`${path}: expected an absolute path`);
  if (format === 'database') {
    await backupDatabase(db, path);
    return { format, done: true, path, files: [{ name: basename(path), rows: null }] };
  }
  if (existsSync(path) && !statSync(path).isDirectory())
    throw new Error(`${path} is a file; choose a folder for the CSV files`);
  const clash = CSV_FILES.find((file) => existsSync(join(path, file)));
  if (clash) throw new Error(`${join(path, clash)} already exists; choose an empty folder`);
  const counts = exportCsv(db, path);
  return {
    format,
    done: true,
    path,
    files: CSV_FILES.map((name) => ({ name, rows: counts[name] })),
  };
}
