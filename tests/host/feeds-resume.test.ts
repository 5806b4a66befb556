import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MarketSlice } from '../../src-shared/domain/market';
import type { MarketFeed } from '../../src-main/engine/ports';
import { createDefaultFeed, csvFeedFactory } from '../../src-main/host/feeds';
import { testSettings } from '../helpers/settings';

const SAMPLE = join(__dirname, '../../resources/data/sp500-2000.csv');

/** The next `count` slices (fewer if the feed ends), without reading one more. */
function take(feed: MarketFeed, count: number): MarketSlice[] {
  const slices: MarketSlice[] = [];
  while (slices.length < count) {
    const slice = feed.next();
    if (slice === null) break;
    slices.push(slice);
  }
  return slices;
}

describe('a feed resumed after a restart', () => {
  it('continues the synthetic market number for number where an uninterrupted run is, skipping exactly what was traded', () => {
    const settings = testSettings();
    // Reference: one run of 3,000 slices (long enough for prediction contracts to settle and relist).
    const whole = take(createDefaultFeed({ settings, seed: 7, resumeAfter: null }), 3000);
    const stoppedAt = whole[1999]!.time;
    const skipped: MarketSlice[] = [];
    const resumed = createDefaultFeed({
      settings,
      seed: 7,
      resumeAfter: stoppedAt,
      onSkipped: (slice) => skipped.push(slice),
    });
    // Every bar of slices 2,001–3,000, every field, exactly; the instruments listed so far are the same too.
    expect(take(resumed, 1000)).toEqual(whole.slice(2000));
    expect(skipped).toEqual(whole.slice(0, 2000));
    const reference = createDefaultFeed({ settings, seed: 7, resumeAfter: null });
    take(reference, 3000);
    expect(resumed.instruments).toEqual(reference.instruments);
    expect(resumed.aroundTheClock).toBe(true);
  });

  it('skips a CSV file up to and including the last traded bar, not one more', () => {
    const settings = testSettings();
    const open = csvFeedFactory([SAMPLE]);
    const whole = take(open({ settings, seed: 1, resumeAfter: null }), 100);
    // Stopped at the 40th bar: the resumed feed starts with the 41st; with engine time 1 ms past the 40th
    // (between two daily bars) it starts with the 41st as well.
    expect(take(open({ settings, seed: 1, resumeAfter: whole[39]!.time }), 60)).toEqual(whole.slice(40));
    expect(take(open({ settings, seed: 1, resumeAfter: whole[39]!.time + 1 }), 1)).toEqual([whole[40]]);
  });
});
