import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MarketFeed } from '../../src-main/engine/ports';
import { EngineHost } from '../../src-main/host/engine-host';
import type { FeedStart } from '../../src-main/host/feeds';
import { createLogger } from '../../src-main/log';
import { testSettings } from '../helpers/settings';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const logger = createLogger(null, 'error');

function host(dir: string, createFeed?: (start: FeedStart) => MarketFeed): EngineHost {
  return new EngineHost({
    dataDir: dir,
    settings: testSettings(),
    seed: 11,
    logger,
    wallClock: () => Date.UTC(2026, 0, 5, 9, 0, 0),
    busyTimeoutMs: 20,
    createFeed,
  });
}

describe('EngineHost after a storage fault', () => {
  it('steps the slices of the failed batch after Resume: no bar of the market is skipped', () => {
    // Reference: the same seed and data stepped 35 times without a fault.
    const reference = host(tempDir());
    reference.stepNow(35);
    const expectedTime = reference.snapshot().portfolio.time;
    reference.close();

    const dir = tempDir();
    const faulted = host(dir);
    faulted.stepNow(30);
    const other = new Database(join(dir, 'botv2.sqlite'));
    other.exec('BEGIN IMMEDIATE');
    // Five slices are taken from the feed, the commit stays locked: trading stops, nothing is recorded.
    expect(faulted.stepNow(5)).toBe(0);
    expect(faulted.status().fault).not.toBeNull();
    other.exec('ROLLBACK');
    other.close();
    expect(faulted.resume()).toMatchObject({ ok: true });
    // The five slices that were never committed are the next ones stepped: slice 31..35, as in the
    // reference (before the fix they were dropped and the engine went on with slices 36..40).
    expect(faulted.stepNow(5)).toBe(5);
    expect(faulted.snapshot().portfolio.time).toBe(expectedTime);
    faulted.close();
  });
});
