import { describe, expect, it } from 'vitest';
import type { MarketSlice } from '../../src-shared/domain/market';
import type { MarketFeed } from '../../src-main/engine/ports';
import { EngineHost } from '../../src-main/host/engine-host';
import { createDefaultFeed, skipUntilAfter, type FeedStart } from '../../src-main/host/feeds';
import { createLogger } from '../../src-main/log';
import { testSettings } from '../helpers/settings';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();

/** The synthetic market (seed 11) with the slice of one step replaced; resumes as the default feed does. */
function tamperedFeed(step: number, tamper: (slice: MarketSlice) => MarketSlice) {
  return (start: FeedStart): MarketFeed => {
    const inner = createDefaultFeed({ ...start, resumeAfter: null, onSkipped: undefined });
    let read = 0;
    const feed: MarketFeed = {
      get instruments() {
        return inner.instruments;
      },
      aroundTheClock: inner.aroundTheClock ?? false,
      next() {
        const slice = inner.next();
        if (!slice) return slice;
        read += 1;
        return read === step ? tamper(slice) : slice;
      },
    };
    return start.resumeAfter === null ? feed : skipUntilAfter(feed, start.resumeAfter, start.onSkipped);
  };
}

function host(dataDir: string, createFeed: (start: FeedStart) => MarketFeed): EngineHost {
  return new EngineHost({
    dataDir,
    settings: testSettings(),
    seed: 11,
    logger: createLogger(null, 'error'),
    wallClock: () => Date.UTC(2026, 0, 5, 9, 0, 0),
    createFeed,
  });
}

function figures(h: EngineHost) {
  const { portfolio, positions, breaker } = h.snapshot();
  return { portfolio, positions, breaker };
}

/**
 * Seed 11: 108 SVIX are held from step 26 (marked 14.94 at step 32), checkpoints at steps 31 and 36. A crash
 * after step 35 leaves steps 32–35 to replay onto the checkpoint of step 31.
 */
describe('a restart replays only the bars the validator accepted in the run', () => {
  /** Step 33's SVIX bar closes at twice its high: inconsistent OHLC, so the validator refuses that bar. */
  const badSvixClose = (slice: MarketSlice): MarketSlice => ({
    time: slice.time,
    bars: slice.bars.map((bar) => (bar.instrument === 'SVIX' ? { ...bar, close: bar.high * 2 } : bar)),
  });
  /** Step 34 repeats the time of step 32 with other closes: the run refuses the whole slice (time goes back). */
  const backInTime = (slice: MarketSlice): MarketSlice => ({
    time: slice.time - 2 * 60_000,
    bars: slice.bars.map((bar) => ({
      ...bar,
      time: bar.time - 2 * 60_000,
      close: bar.close * 1.5,
      high: bar.high * 1.5,
    })),
  });

  it.each([
    ['a bar with inconsistent OHLC', 33, badSvixClose],
    ['a slice whose time goes back', 34, backInTime],
  ] as const)('%s after the checkpoint marks nothing after the restart either', (_, step, tamper) => {
    // Reference: the same tampered feed stepped 35 times without a crash. The run refused the bad data, so
    // its marks, equity and breaker peak never saw it (the refused bar kept SVIX at its previous close).
    const reference = host(tempDir(), tamperedFeed(step, tamper));
    reference.stepNow(35);
    const expected = figures(reference);
    expect(reference.status().rejectedEvents).toBe(1);
    reference.close();

    const dir = tempDir();
    host(dir, tamperedFeed(step, tamper)).stepNow(35);
    const restarted = host(dir, tamperedFeed(step, tamper));
    // Before the fix the restore marked the refused close (any positive finite close passed): SVIX at
    // 2 × its high lifted the equity by about 108 × 15 ≈ 1,600 at that step, and the breaker's peak with it,
    // so the restarted terminal showed a drawdown the run never had.
    expect(figures(restarted)).toEqual(expected);
    restarted.close();
  });
});
