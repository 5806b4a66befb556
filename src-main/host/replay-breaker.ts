import type { BreakerEvent, BreakerLevel } from '../../src-shared/domain/risk';
import { CircuitBreaker, type BreakerConfig, type BreakerMemory } from '../engine/risk/circuit-breaker';

/**
 * The breaker at the last committed step: the checkpoint's memory, with the steps after it shown to it again
 * and the events journalled since applied in between, in the order they happened (an automatic event within
 * its step, a trader's after the step of its time). An event's state is taken as it is (a re-arm's peak, a
 * halt, a forced level and its expiry, the cooldown), except the automatic level while a level is forced:
 * the state shows the forced one, and the automatic level moves silently under it, as the replay has it.
 * Without a checkpointed memory (none saved) the newest event's state is all there is.
 *
 * `onUnjournalled` hears of each automatic change the replayed steps make that the journal does not have at
 * that step's time: none when `config` is the run's, as every automatic change was journalled; a restart
 * with other breaker levels or cooldown in settings.yaml can make some, which the caller journals.
 */
export function replayBreaker(
  checkpointed: BreakerMemory | null,
  events: readonly BreakerEvent[],
  steps: readonly { time: number; equity: number }[],
  config: BreakerConfig,
  equity: number,
  onUnjournalled: (event: BreakerEvent) => void = () => undefined,
): BreakerMemory | null {
  if (checkpointed === null) {
    const newest = events[events.length - 1];
    return newest ? { ...memoryAfter(newest, 0), lastEquity: equity } : null;
  }
  const breaker = new CircuitBreaker(config, { ...checkpointed, lastEquity: equity });
  let next = 0;
  const applyEvents = (until: number, atUntilToo: boolean): void => {
    for (; next < events.length; next++) {
      const event = events[next]!;
      if (event.time > until || (event.time === until && !atUntilToo)) return;
      const now = breaker.remember();
      breaker.restore({ ...memoryAfter(event, now.level), lastEquity: now.lastEquity });
    }
  };
  for (const step of steps) {
    applyEvents(step.time, false);
    const automatic = breaker.onEquity(step.equity, step.time);
    if (automatic && !events.some((e) => e.actor === 'auto' && e.time === step.time))
      onUnjournalled(automatic);
    applyEvents(step.time, true);
  }
  applyEvents(Infinity, true);
  return { ...breaker.remember(), lastEquity: equity };
}

/** The breaker memory an event left; `automaticLevel` stands when the event shows a forced level. */
function memoryAfter(event: BreakerEvent, automaticLevel: BreakerLevel): BreakerMemory {
  const after = event.after;
  const forced = after.forcedUntil !== null;
  return {
    level: forced ? automaticLevel : after.level,
    halted: after.halted,
    haltReason: after.haltReason,
    peakEquity: after.peakEquity,
    lastEquity: 0,
    cooldownUntil: after.cooldownUntil,
    forcedLevel: forced ? after.level : null,
    forcedUntil: after.forcedUntil,
  };
}
