import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BacktestService, type BacktestProgressEvent } from '../../src-main/host/backtest-service';
import { createLogger } from '../../src-main/log';
import { openDatabase } from '../../src-main/store/database';
import { ALL_TIME, type BacktestOptions } from '../../src-main/backtest/options';
import { testSettings } from '../helpers/settings';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const WORKER = join(__dirname, '..', '..', 'dist', 'main', 'backtest-worker.cjs');

const options = (bars: number): BacktestOptions => ({
  mode: 'pipeline',
  source: { feed: 'synthetic', seed: 3, scenario: 'markov', bars },
  range: ALL_TIME,
  strategies: 'settings',
  seed: 3,
  cash: null,
  settings: testSettings(),
});

function setup() {
  const db = openDatabase(join(tempDir(), 'b.sqlite'));
  const events: BacktestProgressEvent[] = [];
  let ended: (event: BacktestProgressEvent) => void = () => undefined;
  const backtests = new BacktestService(
    db,
    createLogger(null, 'error'),
    (event) => {
      events.push(event);
      if (event.status !== 'running') ended(event);
    },
    () => 1_000,
    WORKER,
  );
  const end = () => new Promise<BacktestProgressEvent>((resolve) => (ended = resolve));
  return { db, service: backtests, events, end };
}

describe('BacktestService', () => {
  it('runs a backtest in a worker, reports its end, and keeps it in the runs table', async () => {
    const { db, service, end } = setup();
    const ending = end();
    const id = service.start(options(300));
    expect(service.list(10)).toMatchObject([{ id, status: 'running' }]);
    expect(await ending).toMatchObject({ runId: id, status: 'done', error: null });
    const run = service.load(id)!;
    expect(run.status).toBe('done');
    expect(run.results).toMatchObject({ slices: 300 });
    expect(service.list(10)).toMatchObject([{ id, status: 'done', finalEquity: run.results!.final_equity }]);
    db.close();
  });

  it('cancels a running backtest and records it as cancelled', async () => {
    const { db, service, end } = setup();
    const ending = end();
    const id = service.start(options(2_000_000));
    expect(service.cancel(id)).toBe(true);
    expect(await ending).toMatchObject({ runId: id, status: 'cancelled' });
    expect(service.load(id)).toMatchObject({ status: 'cancelled', results: null });
    expect(service.cancel(id)).toBe(false);
    db.close();
  });
});
