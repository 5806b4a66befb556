import { describe, expect, it } from 'vitest';
import type { MarketSlice } from '../../src-shared/domain/market';
import type { MarketFeed } from '../../src-main/engine/ports';
import { EngineHost } from '../../src-main/host/engine-host';
import { skipUntilAfter, type FeedStart } from '../../src-main/host/feeds';
import { SyntheticMarket } from '../../src-main/feeds/synthetic-market';
import { testSettings } from '../helpers/settings';
import { useTempDirs } from '../helpers/temp-dir';
import { createLogger } from '../../src-main/log';

const tempDir = useTempDirs();

/**
 * The synthetic market with each slice handed out as two slices of the same time (the first half of its
 * bars, then the rest): a feed whose times repeat, which the loop accepts (time must only not go back).
 * Resumed as the host resumes every feed (skipUntilAfter).
 */
function splitFeed({ settings, seed, resumeAfter, onSkipped }: FeedStart): MarketFeed {
  const market = new SyntheticMarket({ ...settings.market, seed });
  let second: MarketSlice | null = null;
  const split: MarketFeed = {
    get instruments() {
      return market.instruments;
    },
    aroundTheClock: market.aroundTheClock ?? false,
    next() {
      if (second) {
        const slice = second;
        second = null;
        return slice;
      }
      const slice = market.next();
      if (!slice) return null;
      const half = Math.ceil(slice.bars.length / 2);
      second = { time: slice.time, bars: slice.bars.slice(half) };
      return { time: slice.time, bars: slice.bars.slice(0, half) };
    },
  };
  return resumeAfter === null ? split : skipUntilAfter(split, resumeAfter, onSkipped);
}

function host(dir: string): EngineHost {
  return new EngineHost({
    dataDir: dir,
    settings: testSettings(),
    seed: 11,
    logger: createLogger(null, 'error'),
    wallClock: () => Date.UTC(2026, 0, 5, 9, 0, 0),
    createFeed: splitFeed,
  });
}

function figures(h: EngineHost) {
  const { portfolio, positions, breaker } = h.snapshot();
  return { portfolio, positions, breaker };
}

describe('a restart when two slices share the last committed time', () => {
  // 55 = 27 whole minutes and the first half of the 28th: seed 11 holds positions from step 26 on, so the
  // second half's bars move marks. Reference: the same host and feed without a crash. The crashed host
  // is dropped after the same stepNow call; the restarted one must show the figures of the reference, and
  // its next step must be the one the reference takes next (same engine time, same figures).
  it('neither drops the slice after the commit nor marks it without stepping it', () => {
    const reference = host(tempDir());
    reference.stepNow(55);
    const expected = figures(reference);
    reference.stepNow(1);
    const expectedNext = figures(reference);
    reference.close();

    const dir = tempDir();
    host(dir).stepNow(55);
    const restarted = host(dir);
    // Before the fix: the restore replayed the uncommitted second half (its marks and its equity shown to
    // the breaker) and the resumed feed skipped it (time <= last committed time): never stepped, as if
    // stepped for the marks only.
    expect(figures(restarted)).toEqual(expected);
    restarted.stepNow(1);
    expect(figures(restarted).portfolio.time).toBe(expectedNext.portfolio.time);
    restarted.close();
  });
});

describe('a restart when the latest checkpoint was written at the first of two slices of one time', () => {
  // Checkpoints every 5 minutes from minute 1 (seed 11 holds positions from minute 26): 52, 62 and 72
  // slices end minutes 26, 31 and 36, whose checkpoint was written at the step of their first half. The
  // reference is the same host and feed without a crash; the restart must show its figures.
  it.each([52, 62, 72])('after %i slices shows the figures of the uninterrupted run', (slices) => {
    const reference = host(tempDir());
    reference.stepNow(slices);
    const expected = figures(reference);
    reference.close();

    const dir = tempDir();
    host(dir).stepNow(slices);
    const restarted = host(dir);
    // Before the fix the restore replayed only the slices later than the checkpoint's time: the second
    // half, stepped after the checkpoint, was not marked (positions kept the checkpoint's marks) nor shown
    // to the breaker (its peak).
    expect(figures(restarted)).toEqual(expected);
    restarted.close();
  });
});
