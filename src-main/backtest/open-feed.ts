import type { Settings } from '../../src-shared/settings/schema';
import type { DataIssue } from '../engine/data/issues';
import type { MarketFeed } from '../engine/ports';
import { CsvFeed } from '../feeds/csv/csv-feed';
import { CsvRefusedError } from '../feeds/csv/csv-source';
import { createSyntheticMarket } from '../feeds/synthetic-market';
import { BacktestInputError, type PipelineOptions } from './options';

/** A feed opened for a run, with how far it has got (slices for the synthetic market, bytes for CSV). */
export interface OpenedFeed {
  feed: MarketFeed;
  /** Units done so far (slices produced, or bytes read) and in total. */
  done(): number;
  total(): number;
  close(): void;
}

/**
 * Opens the run's feed: the synthetic market (the settings' `market` section with the run's seed, scenario
 * and length; progress in slices), or the CSV files (streamed; progress in bytes read; rows that cannot be
 * read go to `onIssue`). A file that cannot be market data becomes a BacktestInputError naming it.
 */
export function openFeed(
  source: PipelineOptions['source'],
  settings: Settings,
  onIssue: (issue: DataIssue) => void,
): OpenedFeed {
  if (source.feed === 'synthetic') {
    const market = createSyntheticMarket({
      ...settings.market,
      seed: source.seed,
      scenario: source.scenario,
      maxBars: source.bars,
    });
    return {
      feed: market,
      done: () => market.barsProduced,
      total: () => source.bars,
      close: () => undefined,
    };
  }
  let bytesRead = 0;
  let totalBytes = 0;
  let feed: CsvFeed;
  try {
    feed = new CsvFeed({
      sources: source.files,
      fees: source.fees,
      adjust: settings.data.csv.adjust,
      onIssue,
      onProgress: (read, total) => {
        bytesRead = read;
        totalBytes = total;
      },
    });
  } catch (error) {
    if (error instanceof CsvRefusedError) throw new BacktestInputError(error.message);
    throw error;
  }
  return {
    feed,
    done: () => bytesRead,
    total: () => totalBytes,
    close: () => feed.close(),
  };
}
