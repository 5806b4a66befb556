import type { MarketSlice } from '../../src-shared/domain/market';
import { Portfolio } from '../engine/portfolio';
import type { MarketFeed, PortfolioCheckpoint } from '../engine/ports';
import type { BreakerMemory } from '../engine/risk/circuit-breaker';
import type { ReadModels } from '../store/read-models';

export interface RestoredState {
  checkpoint: PortfolioCheckpoint;
  breaker: BreakerMemory | null;
  /** Last close per instrument: the checkpoint's, updated by the fills after it. */
  lastCloses: Record<string, number>;
}

/**
 * The state to continue from: the latest checkpoint, plus the fills recorded after it, plus the newest
 * breaker event after it (a halt the trader gave after the last checkpoint still holds). Null on a new
 * database.
 *
 * `replay`: the feed's slices of the steps committed after the checkpoint (those a restarted feed skips).
 * Each is replayed as the loop stepped it — its fills, then its closes marked — so the marks, the equity
 * and the breaker's peak are those of an uninterrupted run at the last committed step; without them the
 * positions keep the checkpoint's marks (or the price of a later fill) and a peak reached after the
 * checkpoint is not known.
 */
export function restoreState(
  read: ReadModels,
  initialCash: number,
  replay: readonly MarketSlice[] = [],
): RestoredState | null {
  const latest = read.latestCheckpoint();
  if (!latest) return null;
  const portfolio = Portfolio.restore(initialCash, latest.checkpoint);
  let time = latest.checkpoint.time;
  const lastCloses = { ...latest.checkpoint.lastCloses };
  const event = read.lastBreakerEventSince(latest.checkpoint.time);
  // The breaker's peak as of the newest event (its state then is the whole truth, a re-arm included), else
  // as of the checkpoint; raised by every equity a replayed step after it reached.
  let peakEquity = event
    ? event.after.peakEquity
    : Math.max(latest.breaker?.peakEquity ?? latest.checkpoint.peakEquity, latest.checkpoint.peakEquity);
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
  for (const slice of replay) {
    if (slice.time <= latest.checkpoint.time) continue;
    bookUntil(slice.time);
    // Only bars the validator could have used (a bar it refused did not mark anything).
    for (const bar of slice.bars) {
      if (!(bar.close > 0) || !Number.isFinite(bar.close)) continue;
      portfolio.mark(bar);
      lastCloses[bar.instrument] = bar.close;
    }
    time = Math.max(time, slice.time);
    if (!event || slice.time > event.time) peakEquity = Math.max(peakEquity, portfolio.equity());
  }
  bookUntil(Infinity);
  // Steps after the last fill that traded nothing still moved engine time: continue after them.
  time = Math.max(time, read.lastEngineTime() ?? time);
  const checkpoint = { ...portfolio.checkpoint(peakEquity, lastCloses), time };
  let breaker = latest.breaker ? { ...latest.breaker, peakEquity, lastEquity: portfolio.equity() } : null;
  if (event) {
    const after = event.after;
    // The event's state shows the level that applied; a forced one is remembered as forced.
    const forced = after.forcedUntil !== null;
    breaker = {
      level: forced ? (breaker?.level ?? 0) : after.level,
      halted: after.halted,
      haltReason: after.haltReason,
      peakEquity,
      lastEquity: portfolio.equity(),
      cooldownUntil: after.cooldownUntil,
      forcedLevel: forced ? after.level : null,
      forcedUntil: after.forcedUntil,
    };
  }
  return { checkpoint, breaker, lastCloses };
}

/**
 * Opens the feed where the saved state stopped (null: from the start) and restores that state, with the
 * slices the feed skipped after the latest checkpoint replayed onto it (see restoreState).
 */
export function openAndRestore(
  read: ReadModels,
  initialCash: number,
  openFeed: (resumeAfter: number | null, onSkipped: (slice: MarketSlice) => void) => MarketFeed,
): { feed: MarketFeed; restored: RestoredState | null } {
  const saved = restoreState(read, initialCash);
  const checkpointTime = read.latestCheckpoint()?.checkpoint.time ?? Infinity;
  const replay: MarketSlice[] = [];
  const feed = openFeed(saved?.checkpoint.time ?? null, (slice) => {
    if (slice.time > checkpointTime) replay.push(slice);
  });
  return { feed, restored: replay.length ? restoreState(read, initialCash, replay) : saved };
}
