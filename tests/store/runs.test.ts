import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_TIME } from '../../src-main/backtest/options';
import { runBacktest } from '../../src-main/backtest/run-backtest';
import { openDatabase } from '../../src-main/store/database';
import { listRuns, loadRun, saveRun } from '../../src-main/store/runs';
import { testSettings } from '../helpers/settings';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const SAMPLE = join(__dirname, '../../resources/data/sp500-2000.csv');

function classicResult() {
  return runBacktest({
    mode: 'classic',
    file: SAMPLE,
    range: ALL_TIME,
    fast: 10,
    slow: 30,
    size: 10,
    commission: 0.001,
    slippage: 0,
    cash: 100_000,
  });
}

describe('backtest runs in the database', () => {
  it('adds a running run, finishes it, and loads it back with its result', () => {
    const db = openDatabase(join(tempDir(), 'runs.sqlite'));
    const settings = testSettings();
    const data = { mode: 'classic', file: SAMPLE, fast: 10, slow: 30 };
    const id = saveRun(db, {
      startedAt: 1000,
      finishedAt: null,
      status: 'running',
      settings,
      seed: 0,
      data,
      results: null,
    });
    expect(loadRun(db, id)).toMatchObject({ id, status: 'running', results: null, error: null });
    const result = classicResult();
    expect(
      saveRun(db, {
        id,
        startedAt: 1000,
        finishedAt: 2000,
        status: 'done',
        settings,
        seed: 0,
        data,
        results: result,
      }),
    ).toBe(id);
    const loaded = loadRun(db, id)!;
    expect(loaded.results).toEqual(result);
    expect(loaded.settings).toEqual(JSON.parse(JSON.stringify(settings)));
    expect(loaded).toMatchObject({ startedAt: 1000, finishedAt: 2000, status: 'done', data, seed: 0 });
    expect(loadRun(db, id + 1)).toBeNull();
    db.close();
  });

  it('lists the newest runs first with their final equity, return or error', () => {
    const db = openDatabase(join(tempDir(), 'runs.sqlite'));
    const result = classicResult();
    const base = { finishedAt: 5, settings: {}, seed: 7, data: { n: 1 } };
    const done = saveRun(db, { ...base, startedAt: 1, status: 'done', results: result });
    const failed = saveRun(db, {
      ...base,
      startedAt: 2,
      status: 'failed',
      results: { error: 'x.csv: no such file' },
    });
    const cancelled = saveRun(db, { ...base, startedAt: 3, status: 'cancelled', results: null });
    const runs = listRuns(db, 10);
    expect(runs.map((r) => [r.id, r.status])).toEqual([
      [cancelled, 'cancelled'],
      [failed, 'failed'],
      [done, 'done'],
    ]);
    expect(runs[2]).toMatchObject({
      finalEquity: result.final_equity,
      totalReturn: result.metrics.total_return,
      error: null,
      data: { n: 1 },
      seed: 7,
    });
    expect(runs[1]).toMatchObject({ finalEquity: null, error: 'x.csv: no such file' });
    expect(loadRun(db, failed)).toMatchObject({ results: null, error: 'x.csv: no such file' });
    expect(listRuns(db, 1).map((r) => r.id)).toEqual([cancelled]);
    db.close();
  });

  it('refuses to update a run that does not exist, and names a run whose results are damaged', () => {
    const db = openDatabase(join(tempDir(), 'runs.sqlite'));
    const run = {
      startedAt: 1,
      finishedAt: null,
      status: 'running' as const,
      settings: {},
      seed: 1,
      data: {},
      results: null,
    };
    expect(() => saveRun(db, { ...run, id: 42 })).toThrow('backtest run 42 does not exist');
    expect(listRuns(db, 10)).toEqual([]);
    const id = saveRun(db, run);
    db.prepare('UPDATE runs SET results = \'{"final_equity": 1}\' WHERE id = ?').run(id);
    expect(() => loadRun(db, id)).toThrow(
      `backtest run ${id}: stored results are not a backtest result (mode: Invalid option: expected one of "pipeline"|"classic"; data: Invalid input; from: Invalid input: expected string, received undefined; … 19 more)`,
    );
    db.prepare("UPDATE runs SET results = NULL, settings = 'not json' WHERE id = ?").run(id);
    expect(() => loadRun(db, id)).toThrow(`backtest run ${id}: the stored settings is not valid JSON`);
    db.close();
  });
});
