import { describe, expect, it } from 'vitest';
import type { Settings } from '../../src-shared/settings/schema';
import { EngineHost } from '../../src-main/host/engine-host';
import { createLogger } from '../../src-main/log';
import { testSettings } from '../helpers/settings';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();

function host(dataDir: string, settings: Settings): EngineHost {
  return new EngineHost({
    dataDir,
    settings,
    seed: 11,
    logger: createLogger(null, 'error'),
    wallClock: () => Date.UTC(2026, 0, 5, 9, 0, 0),
  });
}

/** Breaker levels of 0.01 / 0.02 / 0.03 % drawdown: any dip of the synthetic run trips them. */
const tight = (s: Settings): void => {
  s.risk.circuitBreaker.levels = [
    { drawdown: 0.0001, sizeMultiplier: 1 },
    { drawdown: 0.0002, sizeMultiplier: 0.5 },
    { drawdown: 0.0003, sizeMultiplier: 0 },
  ];
};

describe('a restart under other breaker levels than the run had', () => {
  it('journals the level changes the replayed steps make, so the events explain the restored level', () => {
    const dir = tempDir();
    const run = host(dir, testSettings());
    run.stepNow(120);
    const runEvents = run.read.breakerEvents(1000).length;
    // A crash: no close. The restart replays the steps since the last checkpoint under the tight levels.
    const restarted = host(dir, testSettings(tight));
    const { breaker } = restarted.snapshot();
    const added = restarted.read.breakerEvents(1000).slice(0, -runEvents || undefined);
    expect(breaker.level).toBe(3);
    expect(added.length).toBeGreaterThan(0);
    // The newest added event is the one that left the restored level, found at the restart.
    expect(added[0]).toMatchObject({ actor: 'auto', after: { level: 3 } });
    expect(added[0]!.reason).toMatch(/found when restarting under the breaker settings now in use\)$/);
    restarted.close();
    // Restarting again under the same levels adds nothing: the journal now has those changes.
    const again = host(dir, testSettings(tight));
    expect(again.read.breakerEvents(1000)).toHaveLength(runEvents + added.length);
    again.close();
  });
});
