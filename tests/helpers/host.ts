import { join } from 'node:path';
import { EngineHost } from '../../src-main/host/engine-host';
import { createLogger } from '../../src-main/log';
import type { Settings } from '../../src-shared/settings/schema';
import { testSettings } from './settings';

/** The built worker (the test command builds dist/ first). */
export const BACKTEST_WORKER = join(__dirname, '..', '..', 'dist', 'main', 'backtest-worker.cjs');

/** An EngineHost on a fixed wall clock (so the synthetic market starts at the same time every run). */
export function testHost(dataDir: string, settings: Settings = testSettings(), seed = 11): EngineHost {
  return new EngineHost({
    dataDir,
    settings,
    seed,
    logger: createLogger(null, 'error'),
    wallClock: () => Date.UTC(2026, 0, 5, 9, 0, 0),
    backtestWorkerFile: BACKTEST_WORKER,
  });
}
