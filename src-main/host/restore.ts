import type { MarketSlice } from '../../src-shared/domain/market';
import type { BreakerEvent } from '../../src-shared/domain/risk';
import { validatorOptionsFrom } from '../engine/data/options-from-settings';
import { DataValidator } from '../engine/data/validator';
import { Portfolio } from '../engine/portfolio';
import type { MarketFeed, PortfolioCheckpoint } from '../engine/ports';
import type { BreakerConfig, BreakerMemory } from '../engine/risk/circuit-breaker';
import { replayBreaker } from './replay-breaker';
import type { Settings } from '../../src-shared/settings/schema';
import type { ReadModels } from '../store/read-models';

export interface RestoredState {
  checkpoint: PortfolioCheckpoint;
  breaker: BreakerMemory | null;
  /** Last close per instrument: the checkpoint's, updated by the fills after it. */
  lastCloses: Record<string, number>;
  /**
   * Automatic breaker changes the replayed steps made that the journal lacks (other breaker settings than
   * the run's; see replayBreaker), to be journalled so the events explain the restored level.
   */
  unjournalledBreakerEvents: BreakerEvent[];
}

/**
 * The state to continue from: the latest checkpoint, plus the fills recorded after it, plus the breaker
 * events journalled since it (a halt the trader gave after the last checkpoint still holds). Null on a new
 * database.
 *
 * `replay`: the feed's slices of the steps committed after the checkpoint (those a restarted feed skips), and
 * any before it. Each goes through the loop's time check and `validator` as in the run (those before the
 * checkpoint only to give the validator its state); each accepted one after the checkpoint (and, in a feed
 * whose times repeat, one of the checkpoint's time after the first, at whose step it was written) is
 * replayed as the loop stepped it — its fills, then the closes of its accepted bars marked, then the equity shown to the
 * breaker (`breakerConfig`) — so the marks, the equity and the breaker (peak, automatic level, cooldown,
 * a forced level's expiry) are those of an uninterrupted run at the last committed step. A refused bar
 * marks nothing; a refused slice is not shown to the breaker either. Without them the positions keep the
 * checkpoint's marks (or the price of a later fill) and the breaker what was saved
 * (see replayBreaker).
 */
export function restoreState(
  read: ReadModels,
  initialCash: number,
  replay: readonly MarketSlice[],
  breakerConfig: BreakerConfig,
  validator: DataValidator,
): RestoredState | null {
  const latest = read.latestCheckpoint();
  if (!latest) return null;
  const portfolio = Portfolio.restore(initialCash, latest.checkpoint);
  let time = latest.checkpoint.time;
  const lastCloses = { ...latest.checkpoint.lastCloses };
  const fills = read.executionsAfter(latest.lastFillId);
  let booked = 0;
  const bookUntil = (until: number): void => {
    for (; booked < fills.length && fills[booked]!.time <= until; booked++) {
      const execution = fills[booked]!;
      portfolio.applyFill(execution);
      time = Math.max(time, execution.time);
      lastCloses[execution.instrument] = execution.price;
    }
  };
  const steps: { time: number; equity: number }[] = [];
  let accepted = -Infinity;
  for (const slice of replay) {
    // The loop's checks (Engine.onSlice): time must not go back, then the validator; a refused bar or slice
    // did not mark anything.
    if (!(slice.time >= accepted)) continue;
    const usable = validator.checkSlice(slice);
    if (usable === null) continue;
    const firstOfItsTime = slice.time > accepted;
    accepted = slice.time;
    // The checkpoint was written at the step of the first accepted slice of its time: later slices of that
    // time (a feed whose times repeat) were stepped after it and are replayed.
    if (slice.time < latest.checkpoint.time) continue;
    if (slice.time === latest.checkpoint.time && firstOfItsTime) continue;
    bookUntil(slice.time);
    for (const bar of usable.bars) {
      // As before: a close of 0 (a contract settling at 0, closed by its settlement fill) is not marked.
      if (!(bar.close > 0) || !Number.isFinite(bar.close)) continue;
      portfolio.mark(bar);
      lastCloses[bar.instrument] = bar.close;
    }
    time = Math.max(time, slice.time);
    steps.push({ time: slice.time, equity: portfolio.equity() });
  }
  bookUntil(Infinity);
  // Steps after the last fill that traded nothing still moved engine time: continue after them.
  time = Math.max(time, read.lastEngineTime() ?? time);

  const unjournalledBreakerEvents: BreakerEvent[] = [];
  const breaker = replayBreaker(
    latest.breaker,
    read.breakerEventsSince(latest.checkpoint.time),
    steps,
    breakerConfig,
    portfolio.equity(),
    (event) =>
      unjournalledBreakerEvents.push({
        ...event,
        reason: `${event.reason} (found when restarting under the breaker settings now in use)`,
      }),
  );
  const peakEquity =
    breaker?.peakEquity ?? Math.max(latest.checkpoint.peakEquity, ...steps.map((step) => step.equity));
  const checkpoint = { ...portfolio.checkpoint(peakEquity, lastCloses), time };
  return { checkpoint, breaker, lastCloses, unjournalledBreakerEvents };
}

/** restoreState with the settings' initial cash and breaker. */
export function restoreWithSettings(
  read: ReadModels,
  settings: Settings,
  replay: readonly MarketSlice[] = [],
): RestoredState | null {
  const { levels, cooldownMinutes } = settings.risk.circuitBreaker;
  // Whether a bar is refused does not depend on the instruments' profiles (they only give warnings).
  const validator = new DataValidator(validatorOptionsFrom(settings.data, []));
  return restoreState(
    read,
    settings.paper.initialCash,
    replay,
    { levels, cooldownMs: cooldownMinutes * 60_000 },
    validator,
  );
}

/**
 * Opens the feed where the saved state stopped (null: from the start) and restores that state, with the
 * slices the feed skipped after the latest checkpoint replayed onto it. `history`: the last `historySteps`
 * slices the feed skipped (and every one after the checkpoint), oldest first, to warm the engine up with.
 */
export function openAndRestore(
  read: ReadModels,
  settings: Settings,
  openFeed: (resumeAfter: number | null, onSkipped: (slice: MarketSlice) => void) => MarketFeed,
  historySteps: number,
): { feed: MarketFeed; restored: RestoredState | null; history: MarketSlice[] } {
  const saved = restoreWithSettings(read, settings);
  const checkpointTime = read.latestCheckpoint()?.checkpoint.time ?? Infinity;
  let history: MarketSlice[] = [];
  let afterCheckpoint = 0;
  const feed = openFeed(saved?.checkpoint.time ?? null, (slice) => {
    history.push(slice);
    // Slices of the checkpoint's own time count too: one after the first was stepped after the checkpoint.
    if (slice.time >= checkpointTime) afterCheckpoint += 1;
    // Trimmed in chunks (one copy per historySteps slices, not one per slice), never dropping a slice the
    // restore replays.
    const keep = Math.max(historySteps, afterCheckpoint);
    if (history.length >= 2 * keep) history = history.slice(-keep);
  });
  const kept = Math.max(historySteps, afterCheckpoint);
  if (history.length > kept) history = history.slice(-kept);
  const restored = afterCheckpoint > 0 ? restoreWithSettings(read, settings, history) : saved;
  return { feed, restored, history };
}
