import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
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
