import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startBacktestWorker } from '../../src-main/backtest/backtest-worker-client';
import {
  ALL_TIME,
  BacktestCancelledError,
  BacktestInputError,
  type BacktestProgress,
  type PipelineOptions,
} from '../../src-main/backtest/options';
import { runBacktest } from '../../src-main/backtest/run-backtest';
import { testSettings } from '../helpers/settings';

// The real worker bundle: tests/global-setup.ts builds dist/ before the tests.
const WORKER = join(__dirname, '../../dist/main/backtest-worker.cjs');

const synthetic = (bars: number): PipelineOptions => ({
  mode: 'pipeline',
  source: { feed: 'synthetic', seed: 5, scenario: 'crash', bars },
  range: ALL_TIME,
  strategies: 'settings',
  seed: 5,
  cash: null,
  settings: testSettings(),
});

describe('backtest in a worker thread', () => {
  it('gives the same result as in-process, with progress up to 100 %', async () => {
    const handle = startBacktestWorker(synthetic(300), { workerFile: WORKER });
    const progress: BacktestProgress[] = [];
    handle.onProgress((p) => progress.push(p));
    const result = await handle.promise;
    const local = runBacktest(synthetic(300));
    expect({ ...result, elapsed_ms: 0 }).toEqual({ ...local, elapsed_ms: 0 });
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)).toMatchObject({ done: 300, total: 300, unit: 'slices', etaMs: 0 });
  });

  it('stops when cancelled, rejecting with BacktestCancelledError', async () => {
    const handle = startBacktestWorker(synthetic(5_000_000), { workerFile: WORKER });
    const first = new Promise<BacktestProgress>((resolve) => handle.onProgress(resolve));
    const seen = await first;
    expect(seen.done).toBeLessThan(5_000_000);
    handle.cancel();
    await expect(handle.promise).rejects.toBeInstanceOf(BacktestCancelledError);
  });

  it('rejects with the input error the run gave', async () => {
    const missing = join(__dirname, 'no-such-file.csv');
    const handle = startBacktestWorker(
      {
        mode: 'classic',
        file: missing,
        range: ALL_TIME,
        fast: 2,
        slow: 3,
        size: 1,
        commission: 0,
        slippage: 0,
        cash: 1000,
      },
      { workerFile: WORKER },
    );
    await expect(handle.promise).rejects.toEqual(new BacktestInputError(`${missing}: no such file`));
    await expect(handle.promise).rejects.toBeInstanceOf(BacktestInputError);
  });

  it('rejects with a readable error when the worker cannot start', async () => {
    const handle = startBacktestWorker(synthetic(10), { workerFile: join(__dirname, 'missing-worker.cjs') });
    await expect(handle.promise).rejects.toThrow(/^backtest worker failed: Cannot find module/);
  });
});
