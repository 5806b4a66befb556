import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src-main/store/database';
import { backupDatabase, exportCsv } from '../../src-main/store/export';
import { Sessions } from '../../src-main/store/sessions';
import { SqliteJournal } from '../../src-main/store/sqlite-journal';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();

const fill = (time: number) => ({
  orderId: null as unknown as number,
  time,
  instrument: 'SPY',
  side: 'buy' as const,
  qty: 1,
  price: 100,
  commission: 0,
  liquidity: 'taker' as const,
  realizedPnl: 0,
  effect: 'open' as const,
  strategy: 'trend',
  reason: 'r',
});

const checkpoint = (time: number) => ({
  time,
  cash: 99_900,
  equity: 100_000,
  realizedPnl: 0,
  commissions: 0,
  peakEquity: 100_000,
  positions: [],
  lastCloses: {},
});

/** A database with one fill and one checkpoint that reflects it. */
function seeded(file: string): Db {
  const db = openDatabase(file);
  const journal = new SqliteJournal(db, new Sessions(db).start('paper', 0, null));
  journal.recordFill(fill(1));
  journal.checkpoint(checkpoint(1));
  return db;
}

describe('exportCsv: one snapshot, never over an earlier export', () => {
  it('reads trades, fills and checkpoints from one snapshot while another connection writes', () => {
    // `botv2 export --csv` runs on its own connection while the app keeps trading. Here the app commits a
    // second fill and a checkpoint that reflects it (last_fill_id 2) just after fills.csv was read. A
    // consistent export holds the state of one moment: fill 1 and the checkpoint of fill 1 only. Read in
    // separate snapshots, checkpoints.csv would name fill 2, which fills.csv lacks.
    const file = join(tempDir(), 'live.sqlite');
    seeded(file).close();
    const app = openDatabase(file);
    const appJournal = new SqliteJournal(app, new Sessions(app).start('paper', 0, null));
    const exporter = openDatabase(file);
    const prepare = exporter.prepare.bind(exporter);
    exporter.prepare = ((sql: string) => {
      if (sql.includes('FROM portfolio_checkpoints')) {
        app.transaction(() => {
          appJournal.recordFill(fill(2));
          appJournal.checkpoint(checkpoint(2));
        })();
      }
      return prepare(sql);
    }) as typeof exporter.prepare;

    const out = join(tempDir(), 'csv');
    expect(exportCsv(exporter, out)).toEqual({ 'trades.csv': 0, 'fills.csv': 1, 'checkpoints.csv': 1 });
    const checkpoints = readFileSync(join(out, 'checkpoints.csv'), 'utf8').trimEnd().split('\n');
    expect(checkpoints.slice(1)).toEqual(['1,1,99900,100000,0,0,100000,[],1']);
    // The app's commit is there for the next export.
    expect(app.prepare('SELECT COUNT(*) FROM portfolio_checkpoints').pluck().get()).toBe(2);
    exporter.close();
    app.close();
  });

  it('refuses a folder that already holds one of its files, and writes nothing', () => {
    // The app's export refuses such a folder (export-service.ts); the command line reaches exportCsv
    // directly and silently replaced the earlier export's fills.csv.
    const db = seeded(join(tempDir(), 'a.sqlite'));
    const out = join(tempDir(), 'csv');
    mkdirSync(out);
    writeFileSync(join(out, 'fills.csv'), 'an earlier export\n');
    expect(() => exportCsv(db, out)).toThrow(
      `${join(out, 'fills.csv')} already exists; choose an empty folder`,
    );
    expect(readFileSync(join(out, 'fills.csv'), 'utf8')).toBe('an earlier export\n');
    expect(readdirSync(out)).toEqual(['fills.csv']);
    db.close();
  });
});

describe('backupDatabase: errors name the file', () => {
  it('names the copy when its folder does not exist', async () => {
    // better-sqlite3 says only "Cannot save backup because the directory does not exist".
    const db = seeded(join(tempDir(), 'a.sqlite'));
    const out = join(tempDir(), 'missing', 'copy.sqlite');
    await expect(backupDatabase(db, out)).rejects.toThrow(
      `${out}: cannot write the copy (Cannot save backup because the directory does not exist)`,
    );
    db.close();
  });

  it('names the copy when it cannot be created, and leaves the source as it was', async () => {
    // The parent is a file: SQLite says only "unable to open database file".
    const dir = tempDir();
    const db = seeded(join(dir, 'a.sqlite'));
    const out = join(dir, 'a.sqlite', 'copy.sqlite');
    await expect(backupDatabase(db, out)).rejects.toThrow(
      `${out}: cannot write the copy (unable to open database file)`,
    );
    expect(existsSync(out)).toBe(false);
    // The source is untouched and still readable.
    const check = new Database(join(dir, 'a.sqlite'), { readonly: true });
    expect(check.prepare('SELECT COUNT(*) FROM fills').pluck().get()).toBe(1);
    check.close();
    db.close();
  });
});
