import { existsSync, renameSync } from 'node:fs';
import { DatabaseRefusedError, openDatabase, type Db } from './database';

/** SQLite result codes that mean the file is not a usable database (as opposed to a refusal by version). */
const UNUSABLE = /SQLITE_(NOTADB|CORRUPT)/;

export interface OpenedStore {
  db: Db;
  /** Where a corrupt file was moved, when the user allowed a fresh start. */
  movedAside: string | null;
}

/**
 * Opens the data directory's database. A corrupt file, or one that is not a database, is never deleted:
 * without `allowFresh` the start is refused with what to do; with it the file (and its -wal/-shm) is moved
 * aside and a new database begins.
 */
export function openStore(
  file: string,
  options: { allowFresh: boolean; wallTime: number; busyTimeoutMs?: number },
): OpenedStore {
  const open = () => openDatabase(file, { busyTimeoutMs: options.busyTimeoutMs ?? 2000 });
  try {
    return { db: open(), movedAside: null };
  } catch (error) {
    if (!(error instanceof DatabaseRefusedError) || !UNUSABLE.test(error.message)) throw error;
    const aside = `${file}.corrupt-${new Date(options.wallTime).toISOString().replace(/[:.]/g, '-')}`;
    if (!options.allowFresh) {
      throw new DatabaseRefusedError(
        `${error.message}. Nothing was changed. To keep this file and start a new database, start again with --fresh-db: the file will be moved to ${aside}.`,
      );
    }
    for (const suffix of ['', '-wal', '-shm']) {
      if (existsSync(file + suffix)) renameSync(file + suffix, aside + suffix);
    }
    return { db: open(), movedAside: aside };
  }
}
