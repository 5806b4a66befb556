import type { MarketSlice } from '../../src-shared/domain/market';
import type { Settings } from '../../src-shared/settings/schema';
import type { MarketFeed } from '../engine/ports';
import { CsvFeed } from '../feeds/csv/csv-feed';
import { SyntheticMarket } from '../feeds/synthetic-market';

export interface FeedStart {
  settings: Settings;
  seed: number;
  /** Engine time the saved state reached; the feed continues with the first slice after it. Null: from the start. */
  resumeAfter: number | null;
  /** Told each slice skipped on resuming (the host replays those after the checkpoint onto the restored state). */
  onSkipped?: ((slice: MarketSlice) => void) | undefined;
}

/**
 * The built-in synthetic market. It is a pure function of its seed and settings, so a restarted session
 * replays it from the start and skips what was already traded (about 90k slices/s): prices, volatility and
 * regimes continue exactly where they stopped.
 */
export function createDefaultFeed({ settings, seed, resumeAfter, onSkipped }: FeedStart): MarketFeed {
  const market = new SyntheticMarket({ ...settings.market, seed });
  return resumeAfter === null ? market : skipUntilAfter(market, resumeAfter, onSkipped);
}

/** A feed that starts with the first slice later than `time`; `onSkipped` is told each slice passed over. */
export function skipUntilAfter(
  feed: MarketFeed,
  time: number,
  onSkipped?: (slice: MarketSlice) => void,
): MarketFeed {
  let first: MarketSlice | null = feed.next();
  while (first && first.time <= time) {
    onSkipped?.(first);
    first = feed.next();
  }
  return {
    get instruments() {
      return feed.instruments;
    },
    aroundTheClock: feed.aroundTheClock ?? false,
    next() {
      if (first) {
        const slice = first;
        first = null;
        return slice;
      }
      return feed.next();
    },
  };
}

/**
 * Replays CSV files (streamed) as the paper-trading market, with the settings' CSV fees; a restarted
 * session skips what it already traded.
 */
export function csvFeedFactory(files: readonly string[]): (start: FeedStart) => MarketFeed {
  return ({ settings, resumeAfter, onSkipped }) => {
    const feed = new CsvFeed({
      sources: files,
      fees: settings.backtest.csvFees,
      adjust: settings.data.csv.adjust,
    });
    return resumeAfter === null ? feed : skipUntilAfter(feed, resumeAfter, onSkipped);
  };
}
