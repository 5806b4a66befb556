/** SQLite error code of an error thrown by better-sqlite3, if any. */
export function sqliteCode(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : null;
}

export const isBusy = (error: unknown): boolean => /^SQLITE_(BUSY|LOCKED)/.test(sqliteCode(error) ?? '');

/** What the trader reads when a write failed and trading stopped. */
export function describeStorageError(error: unknown): string {
  const code = sqliteCode(error) ?? '';
  if (code.startsWith('SQLITE_FULL')) {
    return 'trading halted: the disk is full, so nothing more can be recorded. Nothing was lost; free some space and press Resume';
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return 'trading halted: the database stayed locked by another program. Close it and press Resume';
  }
  const message = error instanceof Error ? error.message : String(error);
  return `trading halted: the database failed (${code || 'error'}: ${message})`;
}
