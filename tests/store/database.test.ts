import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatabaseRefusedError, openDatabase } from '../../src-main/store/database';
import { MIGRATIONS, type Migration } from '../../src-main/store/migrations';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();

describe('openDatabase', () => {
  it('opens with WAL and synchronous=FULL and applies the migrations once', () => {
    const file = join(tempDir(), 'a.sqlite');
    const db = openDatabase(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .pluck()
      .all();
    expect(tables).toEqual([
      'circuit_breaker_events',
      'decisions',
      'fills',
      'orders',
      'performance_metrics',
      'portfolio_checkpoints',
      'positions',
      'runs',
      'schema_migrations',
      'sessions',
      'strategy_stats',
      'trades',
    ]);
    db.close();
    const again = openDatabase(file);
    expect(again.prepare('SELECT COUNT(*) FROM schema_migrations').pluck().get()).toBe(MIGRATIONS.length);
    expect(again.pragma('synchronous', { simple: true })).toBe(2);
    again.close();
  });

  it('applies a new migration appended later', () => {
    const file = join(tempDir(), 'b.sqlite');
    openDatabase(file).close();
    const next: Migration = {
      version: MIGRATIONS.length + 1,
      name: 'notes',
      sql: 'CREATE TABLE notes (id INTEGER PRIMARY KEY)',
    };
    const db = openDatabase(file, [...MIGRATIONS, next]);
    expect(db.prepare("SELECT COUNT(*) FROM sqlite_master WHERE name = 'notes'").pluck().get()).toBe(1);
    db.close();
  });

  it('refuses to start when an applied migration was changed', () => {
    const file = join(tempDir(), 'c.sqlite');
    openDatabase(file).close();
    const edited = MIGRATIONS.map((m, i) => (i === 0 ? { ...m, sql: `${m.sql}\n-- edited` } : m));
    expect(() => openDatabase(file, edited)).toThrow(
      new DatabaseRefusedError(
        `${file}: migration 1 (initial) differs from the one applied to this database; migrations are append-only. Refusing to start.`,
      ),
    );
  });

  it('refuses a database written by a newer version', () => {
    const file = join(tempDir(), 'd.sqlite');
    const newer: Migration = { version: 99, name: 'future', sql: 'SELECT 1' };
    openDatabase(file, [...MIGRATIONS, newer]).close();
    expect(() => openDatabase(file)).toThrow(
      /was written by a newer version of BotV2 \(schema version 99; this version knows up to 2\)/,
    );
  });

  it('refuses a file that is not a database, naming it, and leaves it untouched', () => {
    const file = join(tempDir(), 'e.sqlite');
    writeFileSync(file, 'this is not sqlite at all, just text '.repeat(200));
    expect(() => openDatabase(file)).toThrow(
      new RegExp(
        `^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: cannot (open|use) the database \\(SQLITE_NOTADB`,
      ),
    );
    expect(() => new Database(file).prepare('SELECT 1 FROM sqlite_master').get()).toThrow(/not a database/);
  });
});
