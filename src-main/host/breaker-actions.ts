import type { Snapshot } from '../../src-shared/ipc/contract';
import type { Result } from '../../src-shared/ipc/result';
import type { Engine } from '../engine/loop';
import type { Logger } from '../log';
import type { Db } from '../store/database';
import type { EventFanout } from './event-fanout';
import type { StepBatches } from './step-batches';
import { describeStorageError } from './storage-errors';

/** What a trader's breaker action needs of the host. */
export interface BreakerActionDeps {
  db: Db;
  logger: Logger;
  batches: StepBatches;
  events: EventFanout;
  /** The host's standing fault (why trading stopped), if any. */
  fault: () => string | null;
}

/**
 * Runs one of the trader's breaker actions (halt, resume, forced level, re-arm) in its own transaction: its
 * event, the breaker state and any working orders it cancels commit together or not at all. A failed
 * write reloads the engine from the database; an engine that could not be reloaded after a rollback is
 * never acted on (it may hold what the database lost). The accepted event is logged and published.
 */
export function applyBreakerAction(
  deps: BreakerActionDeps,
  action: (engine: Engine) => ReturnType<Engine['halt']>,
): Result<Snapshot['breaker']> {
  const { batches } = deps;
  if (!batches.reloaded())
    return {
      ok: false,
      error: `${deps.fault() ?? 'the engine could not be reloaded'}; the action was not applied`,
    };
  let result: ReturnType<Engine['halt']>;
  try {
    result = deps.db.transaction(() => action(batches.engine))();
  } catch (error) {
    batches.rebuild(error);
    return { ok: false, error: `${describeStorageError(error)}; the action was not applied` };
  }
  if (!result.ok) return result;
  deps.logger.warn(
    { event: { kind: result.value.kind, reason: result.value.reason } },
    'manual breaker action',
  );
  const state = batches.engine.breakerState();
  deps.events.emit('breaker', { event: result.value, state });
  return { ok: true, value: state };
}
