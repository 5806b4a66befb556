import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { MIGRATIONS, type Migration } from './migrations';
import { DatabaseRefusedError } from './refused-error';

// Defined apart so the CLI can recognise it without loading better-sqlite3.
export { DatabaseRefusedError };

export type Db = Database.Database;

export const migrationHash = (migration: Migration): string =>
  createHash('sha256').update(`${migration.version}:${migration.name}:${migration.sql}`).digest('hex');

export interface OpenOptions {
  migrations?: readonly Migration[];
  /** How long a statement waits for another connection's lock before SQLITE_BUSY. */
  busyTimeoutMs?: number;
}

/**
 * Opens (or creates) the database with WAL and synchronous=FULL, so a committed transaction survives a
 * crash or power loss, then checks the applied migrations and applies the missing ones. A SQLite file with
 * tables but no schema_migrations belongs to another program: it is refused before anything is written.
 */
export function openDatabase(file: string, options: OpenOptions | readonly Migration[] = {}): Db {
  const { migrations = MIGRATIONS, busyTimeoutMs = 2000 } = Array.isArray(options)
    ? { migrations: options as readonly Migration[] }
    : (options as OpenOptions);
  let db: Db | undefined;
  try {
    db = new Database(file);
    const tables = tablesOf(db);
    // Another program's database is left exactly as it is: checked before WAL, which SQLite records in
    // the file's header, and before any table is created.
    if (tables.length > 0 && !tables.includes('schema_migrations')) {
      db.close();
      throw new DatabaseRefusedError(
        `${file} is a SQLite database of another program (tables: ${tables.slice(0, 5).join(', ')}${tables.length > 5 ? ', …' : ''}), not BotV2's: nothing was changed. Choose another data directory, or move this file away.`,
      );
    }
    db.pragma('journal_mode = WAL');
  } catch (error) {
    if (db?.open) db.close();
    if (error instanceof DatabaseRefusedError) throw error;
    throw new DatabaseRefusedError(`${file}: cannot open the database (${describe(error)})`);
  }
  try {
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
    migrate(db, file, migrations);
    return db;
  } catch (error) {
    db.close();
    if (error instanceof DatabaseRefusedError) throw error;
    throw new DatabaseRefusedError(`${file}: cannot use the database (${describe(error)})`);
  }
}

/**
 * Opens an existing BotV2 database read-only, for an export that may run beside the app: nothing is
 * written (no WAL switch, no migration), so a database in use by another version of BotV2 is never
 * changed under it. Refuses a file that is not BotV2's.
 */
export function openDatabaseForReading(file: string, busyTimeoutMs = 2000): Db {
  let db: Db | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
    if (!tablesOf(db).includes('schema_migrations'))
      throw new DatabaseRefusedError(`${file} is not a BotV2 database (it has no schema_migrations table)`);
    return db;
  } catch (error) {
    if (db?.open) db.close();
    if (error instanceof DatabaseRefusedError) throw error;
    throw new DatabaseRefusedError(`${file}: cannot open the database (${describe(error)})`);
  }
}

/** The names of the file's own tables (SQLite's internal ones left out). */
function tablesOf(db: Db): string[] {
  return db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'")
    .pluck()
    .all() as string[];
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' ? `${code}: ${error.message}` : error.message;
  }
  return String(error);
}

function migrate(db: Db, file: string, migrations: readonly Migration[]): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`);
  const applied = db
    .prepare('SELECT version, name, sha256 FROM schema_migrations ORDER BY version')
    .all() as {
    version: number;
    name: string;
    sha256: string;
  }[];
  const known = new Map(migrations.map((m) => [m.version, m]));
  const newest = migrations.reduce((max, m) => Math.max(max, m.version), 0);
  for (const row of applied) {
    const migration = known.get(row.version);
    if (!migration) {
      throw new DatabaseRefusedError(
        `${file} was written by a newer version of BotV2 (schema version ${row.version}; this version knows up to ${newest}). Update BotV2 or choose another data directory.`,
      );
    }
    if (migrationHash(migration) !== row.sha256) {
      throw new DatabaseRefusedError(
        `${file}: migration ${row.version} (${row.name}) differs from the one applied to this database; migrations are append-only. Refusing to start.`,
      );
    }
  }
  const done = new Set(applied.map((row) => row.version));
  const pending = [...migrations].sort((a, b) => a.version - b.version).filter((m) => !done.has(m.version));
  if (pending.length === 0) return;
  const record = db.prepare(
    'INSERT INTO schema_migrations (version, name, sha256, applied_at) VALUES (?, ?, ?, ?)',
  );
  // A migration may rebuild a table other tables refer to (create, copy, drop, rename): SQLite's procedure
  // for that runs with foreign-key enforcement off (it cannot change inside a transaction) and checks every
  // reference before committing, so a migration that would leave a dangling reference is rolled back.
  const enforced = db.pragma('foreign_keys', { simple: true }) === 1;
  db.pragma('foreign_keys = OFF');
  try {
    for (const migration of pending) {
      db.transaction(() => {
        db.exec(migration.sql);
        const dangling = db.pragma('foreign_key_check') as unknown[];
        if (dangling.length > 0)
          throw new DatabaseRefusedError(
            `${file}: migration ${migration.version} (${migration.name}) would leave ${dangling.length} broken reference(s); nothing was changed`,
          );
        record.run(migration.version, migration.name, migrationHash(migration), new Date().toISOString());
      })();
    }
  } finally {
    if (enforced) db.pragma('foreign_keys = ON');
  }
}
