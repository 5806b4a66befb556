import type { Settings } from '../../src-shared/settings/schema';
import type { MarketFeed } from '../engine/ports';
import { SyntheticFeed } from '../feeds/synthetic-feed';

export interface FeedStart {
  settings: Settings;
  seed: number;
  /** Engine time of the first bar's open: where the last session stopped, or now for a new database. */
  startTime: number;
  /** The last close of every instrument when the previous session stopped (empty for a new database). */
  lastCloses: Readonly<Record<string, number>>;
}

/** The built-in synthetic market, continuing where engine time stopped (seeded by that time). */
export function createDefaultFeed({ settings, seed, startTime, lastCloses }: FeedStart): MarketFeed {
  const barIntervalMs = settings.market.barIntervalSeconds * 1000;
  return new SyntheticFeed({
    seed: seed + Math.floor(startTime / barIntervalMs),
    instrument: settings.market.instrument,
    startTime,
    barIntervalMs,
    initialPrice: lastCloses[settings.market.instrument] ?? settings.market.initialPrice,
    annualDrift: settings.market.annualDrift,
    annualVolatility: settings.market.annualVolatility,
  });
}
