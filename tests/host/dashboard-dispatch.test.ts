import Database from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeExport } from '../../src-main/host/export-service';
import { createDispatch } from '../../src-main/host/request-handlers';
import { createLogger } from '../../src-main/log';
import { testHost } from '../helpers/host';
import { DEFAULTS_FILE } from '../helpers/settings';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const logger = createLogger(null, 'error');

function setup(options: Parameters<typeof createDispatch>[2] = {}) {
  const dir = tempDir();
  const host = testHost(dir);
  host.stepNow(600);
  const settingsFiles = { defaultsFile: DEFAULTS_FILE, userFile: join(dir, 'settings.yaml') };
  return { dir, host, dispatch: createDispatch(host, logger, { settingsFiles, ...options }) };
}

describe('dispatch: the dashboard requests', () => {
  it('serves the trade log, its options, metrics, daily returns, strategy P&L and a zoomed equity window', () => {
    const { host, dispatch } = setup();
    const page = dispatch('tradeLog', { limit: 5 });
    expect(page).toMatchObject({ ok: true, value: { items: expect.any(Array), total: expect.any(Number) } });
    if (!page.ok) return;
    const { items, total, maxId } = page.value as { items: { id: number }[]; total: number; maxId: number };
    expect(items).toHaveLength(5);
    expect(items[0]!.id).toBe(maxId);
    expect(total).toBe(host.read.executionsPage(0, 1).total);
    expect(dispatch('tradeLog', { limit: 501 })).toMatchObject({ ok: false });
    expect(dispatch('tradeLogOptions', {})).toMatchObject({
      ok: true,
      value: { instruments: expect.any(Array) },
    });
    expect(dispatch('riskMetrics', {})).toMatchObject({ ok: true, value: { samples: expect.any(Number) } });
    expect(dispatch('dailyReturns', {})).toMatchObject({ ok: true, value: [{ partial: true }] });
    expect(dispatch('strategyPnl', {})).toMatchObject({ ok: true });
    expect(dispatch('decisionRecord', { fillId: 0 })).toMatchObject({ ok: false });

    const all = host.equityHistory(100_000);
    const from = all[100]!.time;
    const to = all[150]!.time;
    expect(dispatch('equityHistory', { maxPoints: 1000, from, to })).toEqual({
      ok: true,
      value: all.slice(100, 151),
    });
    expect(dispatch('equityHistory', { maxPoints: 1000, from: to, to: from })).toEqual({
      ok: false,
      error: 'invalid equityHistory request: from: from must not be after to',
    });
    host.close();
  });

  it('saves settings through the loader and shows the problems by key path', () => {
    const { dir, host, dispatch } = setup();
    const refused = dispatch('saveSettings', {
      changes: [{ path: ['risk', 'kelly', 'fraction'], value: -1 }],
    });
    expect(refused).toMatchObject({
      ok: true,
      value: { saved: false, problems: [{ path: 'risk.kelly.fraction', line: 3 }] },
    });
    const saved = dispatch('saveSettings', {
      changes: [{ path: ['risk', 'kelly', 'fraction'], value: 0.5 }],
    });
    expect(saved).toMatchObject({ ok: true, value: { saved: true, pendingRestart: ['risk'] } });
    expect(readFileSync(join(dir, 'settings.yaml'), 'utf8')).toBe('risk:\n  kelly:\n    fraction: 0.5\n');
    const view = dispatch('settings', {});
    expect(view).toMatchObject({ ok: true, value: { pendingRestart: ['risk'], liveApply: false } });
    expect(dispatch('saveSettings', { changes: [] })).toEqual({
      ok: false,
      error: 'invalid saveSettings request: changes: nothing to save',
    });
    host.close();
  });

  it('serves exportData only asynchronously, to an absolute path', async () => {
    const { host, dispatch } = setup();
    const out = join(tempDir(), 'copy.sqlite');
    expect(dispatch('exportData', { format: 'database', path: out })).toEqual({
      ok: false,
      error: 'exportData is asynchronous: it is served through Dispatch.async',
    });
    expect(await dispatch.async('exportData', { format: 'database', path: 'copy.sqlite' })).toEqual({
      ok: false,
      error: 'invalid exportData request: path: expected an absolute path',
    });
    expect(await dispatch.async('exportData', { format: 'database' })).toEqual({
      ok: false,
      error: 'choose where to save the export: the save dialog is not available here',
    });
    expect(await dispatch.async('exportData', { format: 'database', path: out })).toEqual({
      ok: true,
      value: { format: 'database', done: true, path: out, files: [{ name: 'copy.sqlite', rows: null }] },
    });
    const copy = new Database(out, { readonly: true });
    expect(copy.prepare('SELECT COUNT(*) FROM fills').pluck().get()).toBe(
      host.read.executionsPage(0, 1).total,
    );
    copy.close();
    // Sync requests answer through async too.
    expect(await dispatch.async('snapshot', {})).toMatchObject({ ok: true });
    host.close();
  });

  it('asks the main process where to save when it can, ignoring a path in the request', async () => {
    const chosen = join(tempDir(), 'chosen.sqlite');
    const asked: string[] = [];
    let answer: string | null = chosen;
    const { host, dispatch } = setup({
      chooseExportPath: (format) => {
        asked.push(format);
        return Promise.resolve(answer);
      },
    });
    const elsewhere = join(tempDir(), 'elsewhere.sqlite');
    const result = await dispatch.async('exportData', { format: 'database', path: elsewhere });
    expect(result).toMatchObject({ ok: true, value: { done: true, path: chosen } });
    answer = null;
    expect(await dispatch.async('exportData', { format: 'csv' })).toEqual({
      ok: true,
      value: { format: 'csv', done: false, path: null, files: [] },
    });
    expect(asked).toEqual(['database', 'csv']);
    host.close();
  });
});

describe('writeExport', () => {
  it('writes the three CSV files into a folder with their row counts, and refuses to overwrite', async () => {
    const host = testHost(tempDir());
    host.stepNow(300);
    const dir = join(tempDir(), 'csv');
    const result = await writeExport(host.db, 'csv', dir);
    const fills = host.read.executionsPage(0, 1).total;
    expect(result.files).toEqual([
      { name: 'trades.csv', rows: expect.any(Number) },
      { name: 'fills.csv', rows: fills },
      { name: 'checkpoints.csv', rows: expect.any(Number) },
    ]);
    expect(readFileSync(join(dir, 'fills.csv'), 'utf8').trimEnd().split('\n')).toHaveLength(fills + 1);
    await expect(writeExport(host.db, 'csv', dir)).rejects.toThrow(
      `${join(dir, 'trades.csv')} already exists; choose an empty folder`,
    );
    const file = join(tempDir(), 'a-file');
    writeFileSync(file, 'x');
    await expect(writeExport(host.db, 'csv', file)).rejects.toThrow(
      `${file} is a file; choose a folder for the CSV files`,
    );
    await expect(writeExport(host.db, 'database', 'relative.sqlite')).rejects.toThrow(
      'relative.sqlite: expected an absolute path',
    );
    host.close();
  });
});
