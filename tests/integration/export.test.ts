import Database from 'better-sqlite3';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runExport } from '../../src-main/cli/export';
import { DATABASE_FILE } from '../../src-main/host/paths';
import { openDatabase } from '../../src-main/store/database';
import { MIGRATIONS } from '../../src-main/store/migrations';
import { backupDatabase, exportCsv } from '../../src-main/store/export';
import { testHost } from '../helpers/host';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();

describe('export', () => {
  it('copies the database while the engine keeps writing: consistent, with every fill committed before it began', async () => {
    const dir = tempDir();
    const host = testHost(dir);
    host.stepNow(3000);
    const fillsBefore = host.read.executionsPage(0, 1).total;
    expect(fillsBefore).toBeGreaterThan(20);
    let writesDuring = 0;
    let exporting = true;
    // Between the backup's page steps the engine writes more batches on the same connection.
    const writer = (): void => {
      if (!exporting) return;
      writesDuring += host.stepNow(50);
      setImmediate(writer);
    };
    setImmediate(writer);
    const out = join(tempDir(), 'copy.sqlite');
    const { pages } = await backupDatabase(host.db, out);
    exporting = false;
    expect(pages).toBeGreaterThan(10);
    expect(writesDuring).toBeGreaterThan(0);
    const copy = new Database(out, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    const copiedFills = copy.prepare('SELECT COUNT(*) FROM fills').pluck().get() as number;
    expect(copiedFills).toBeGreaterThanOrEqual(fillsBefore);
    const ids = copy.prepare('SELECT id FROM fills ORDER BY id').pluck().all() as number[];
    expect(ids).toEqual(Array.from({ length: ids.length }, (_, i) => i + 1));
    copy.close();
    await expect(backupDatabase(host.db, out)).rejects.toThrow(
      `${out} already exists; choose another file name`,
    );
    host.close();
  });

  it('writes trades, fills and checkpoints as CSV with quoting', () => {
    const dir = tempDir();
    const host = testHost(dir);
    host.stepNow(600);
    const out = join(tempDir(), 'csv');
    const counts = exportCsv(host.db, out);
    expect(counts['fills.csv']).toBe(host.read.executionsPage(0, 1).total);
    const fills = readFileSync(join(out, 'fills.csv'), 'utf8').trimEnd().split('\n');
    expect(fills[0]).toBe(
      'id,order_id,time,instrument,side,qty,price,commission,liquidity,realized_pnl,effect,strategy,reason',
    );
    expect(fills).toHaveLength(counts['fills.csv'] + 1);
    // Positions are JSON with commas and quotes: the field is quoted and its quotes doubled.
    const checkpoints = readFileSync(join(out, 'checkpoints.csv'), 'utf8').split('\n');
    expect(checkpoints[1]).toMatch(/^1,\d+,100000,100000,0,0,100000,\[\],0$/);
    expect(checkpoints.some((line) => /,"\[\{""instrument"":""[^"]+"",""qty"":-?[\d.e-]+,/.test(line))).toBe(
      true,
    );
    host.close();
  });
});

describe('botv2 export (CLI)', () => {
  it('exports a database of an older schema without migrating it (the app using it may be another version)', async () => {
    const dataDir = tempDir();
    const file = join(dataDir, DATABASE_FILE);
    openDatabase(file, MIGRATIONS.slice(0, 1)).close(); // schema version 1 only
    const versions = () => {
      const db = new Database(file, { readonly: true });
      const applied = db.prepare('SELECT version FROM schema_migrations').pluck().all();
      db.close();
      return applied;
    };
    expect(versions()).toEqual([1]);
    const out = join(tempDir(), 'copy.sqlite');
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    await expect(runExport(['--data-dir', dataDir, '--out', out])).resolves.toBe(0);
    log.mockRestore();
    expect(versions()).toEqual([1]);
    expect(existsSync(out)).toBe(true);
  });

  it('refuses a data directory whose database is not BotV2’s, naming the file, and leaves it alone', async () => {
    const dataDir = tempDir();
    const file = join(dataDir, DATABASE_FILE);
    const other = new Database(file);
    other.exec('CREATE TABLE notes (body TEXT)');
    other.close();
    const before = readFileSync(file);
    await expect(runExport(['--data-dir', dataDir, '--out', join(tempDir(), 'x.sqlite')])).rejects.toThrow(
      `${file} is not a BotV2 database (it has no schema_migrations table)`,
    );
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});
