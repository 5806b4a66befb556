import { Portfolio } from '../engine/portfolio';
import type { PortfolioCheckpoint } from '../engine/ports';
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
 */
export function restoreState(read: ReadModels, initialCash: number): RestoredState | null {
  const latest = read.latestCheckpoint();
  if (!latest) return null;
  const portfolio = Portfolio.restore(initialCash, latest.checkpoint);
  let time = latest.checkpoint.time;
  const lastCloses = { ...latest.checkpoint.lastCloses };
  for (const execution of read.executionsAfter(latest.lastFillId)) {
    portfolio.applyFill(execution);
    time = Math.max(time, execution.time);
    lastCloses[execution.instrument] = execution.price;
  }
  // Steps after the last fill that traded nothing still moved engine time: continue after them.
  time = Math.max(time, read.lastEngineTime() ?? time);
  const peakEquity = Math.max(latest.checkpoint.peakEquity, portfolio.equity());
  const checkpoint = { ...portfolio.checkpoint(peakEquity, lastCloses), time };
  let breaker = latest.breaker
    ? { ...latest.breaker, peakEquity: Math.max(latest.breaker.peakEquity, peakEquity) }
    : null;
  const event = read.lastBreakerEventSince(latest.checkpoint.time);
  if (event) {
    const after = event.after;
    // The event's state shows the level that applied; a forced one is remembered as forced.
    const forced = after.forcedUntil !== null;
    breaker = {
      level: forced ? (breaker?.level ?? 0) : after.level,
      halted: after.halted,
      haltReason: after.haltReason,
      peakEquity:
        event.kind === 'rearm' || event.kind === 'resume'
          ? after.peakEquity
          : Math.max(after.peakEquity, peakEquity),
      lastEquity: portfolio.equity(),
      cooldownUntil: after.cooldownUntil,
      forcedLevel: forced ? after.level : null,
      forcedUntil: after.forcedUntil,
    };
  }
  return { checkpoint, breaker, lastCloses };
}
