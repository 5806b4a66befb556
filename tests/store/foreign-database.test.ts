import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatabaseRefusedError, openDatabase } from '../../src-main/store/database';
import { openStore } from '../../src-main/store/open-store';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();

/** A SQLite database of another program: its own tables, no schema_migrations, rollback journal. */
function foreignDatabase(file: string, table: string): Buffer {
  const other = new Database(file);
  other.exec(`CREATE TABLE ${table} (id INTEGER PRIMARY KEY, name TEXT)`);
  other.prepare(`INSERT INTO ${table} (name) VALUES (?)`).run('kept');
  other.close();
  return readFileSync(file);
}

describe('openDatabase on a SQLite file that is not BotV2’s', () => {
  it('refuses it, naming the file and its tables, and leaves every byte as it was', () => {
    // Before the fix, BotV2 switched the file to WAL (a header change SQLite keeps in the file) and added
    // its own eleven tables to the other program's database.
    const file = join(tempDir(), 'botv2.sqlite');
    const before = foreignDatabase(file, 'contacts');
    expect(() => openDatabase(file)).toThrow(
      new DatabaseRefusedError(
        `${file} is a SQLite database of another program (tables: contacts), not BotV2's: nothing was changed. Choose another data directory, or move this file away.`,
      ),
    );
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses one whose table names clash with BotV2’s the same way, without a change', () => {
    // Before: "cannot use the database (SQLITE_ERROR: table sessions already exists)", after WAL was set
    // and schema_migrations created in the file.
    const file = join(tempDir(), 'botv2.sqlite');
    const before = foreignDatabase(file, 'sessions');
    expect(() => openStore(file, { allowFresh: true, wallTime: 0 })).toThrow(
      `${file} is a SQLite database of another program (tables: sessions), not BotV2's`,
    );
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('still opens an empty file and a BotV2 database', () => {
    const file = join(tempDir(), 'botv2.sqlite');
    openDatabase(file).close();
    const again = openDatabase(file);
    expect(again.prepare('SELECT COUNT(*) FROM schema_migrations').pluck().get()).toBe(2);
    again.close();
  });
});
