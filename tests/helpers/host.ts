import { EngineHost } from '../../src-main/host/engine-host';
import { createLogger } from '../../src-main/log';
import type { Settings } from '../../src-shared/settings/schema';
import { testSettings } from './settings';

/** An EngineHost on a fixed wall clock (so the synthetic market starts at the same time every run). */
export function testHost(dataDir: string, settings: Settings = testSettings(), seed = 11): EngineHost {
  return new EngineHost({
    dataDir,
    settings,
    seed,
    logger: createLogger(null, 'error'),
    wallClock: () => Date.UTC(2026, 0, 5, 9, 0, 0),
  });
}
