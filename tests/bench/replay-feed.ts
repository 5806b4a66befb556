import { openFeed, type OpenedFeed } from '../../src-main/backtest/open-feed';
import type { PipelineOptions } from '../../src-main/backtest/options';
import type { MarketSlice } from '../../src-shared/domain/market';
import type { Settings } from '../../src-shared/settings/schema';

/**
 * The slices of a run's source, generated once and kept in memory, so a benchmark can time the pipeline
 * (validation through execution) without the feed's own generation. `open` gives runPipeline's `replay`:
 * a fresh feed over the same slices (the engine does not modify them). Only for sources without issues
 * (the synthetic market): issues raised while reading would not reach the run's tally.
 */
export function recordedSource(options: PipelineOptions): { open: (settings: Settings) => OpenedFeed } {
  const opened = openFeed(options.source, options.settings, (issue) => {
    throw new Error(`recordedSource: the source raised an issue (${issue.message})`);
  });
  const slices: MarketSlice[] = [];
  // The feed's instrument list grows as contracts list: how long it was at the start and after each slice.
  const listed: number[] = [opened.feed.instruments.length];
  for (let slice = opened.feed.next(); slice !== null; slice = opened.feed.next()) {
    slices.push(slice);
    listed.push(opened.feed.instruments.length);
  }
  const all = [...opened.feed.instruments];
  const { aroundTheClock } = opened.feed;
  opened.close();
  return {
    open: () => {
      let next = 0;
      return {
        feed: {
          get instruments() {
            return all.slice(0, listed[next]);
          },
          aroundTheClock,
          next: () => slices[next++] ?? null,
        },
        done: () => next,
        total: () => slices.length,
        close: () => undefined,
      };
    },
  };
}
