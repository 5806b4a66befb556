import type { MarketSlice } from '../../src-shared/domain/market';
import type { Engine, StepResult } from '../engine/loop';
import type { Db } from '../store/database';
import { cancelOrphanedOrders } from '../store/orphaned-orders';
import type { Logger } from '../log';
import type { CommittedSlices } from './committed-slices';
import { describeStorageError, isBusy, sqliteCode } from './storage-errors';
import type { UncommittedSlices } from './uncommitted-slices';

/** A locked database is retried this many times (each waiting up to the busy timeout) before trading stops. */
const BUSY_RETRIES = 3;
/** Engine time the market moves on after a failed step before the loop tries again (the spec's 60 s). */
const RETRY_AFTER_MS = 60_000;
/** Failures of the loop in a row after which trading stops (the spec's "critical error"). */
const CRITICAL_FAILURES = 3;

export interface StepBatchesDeps {
  db: Db;
  logger: Logger;
  wallClock: () => number;
  /** Slices to step: the uncommitted ones first, then the feed's. */
  slices: UncommittedSlices;
  /** Slices committed since about the latest checkpoint (a rebuilt engine replays them). */
  committed: CommittedSlices;
  /** An engine as the database has it now (the latest checkpoint, the fills and slices after it). */
  buildEngine: () => Engine;
  /** Marks the session alive at this engine time (within the batch's transaction). */
  touchSession: (engineTime: number) => void;
  /**
   * Trading must stop, with the reason for the trader: a storage fault (`error`, to log), or too many
   * failures of the loop in a row (each already logged).
   */
  stop: (fault: string, error?: unknown) => void;
  /** The steps of a committed batch, to publish. */
  publish: (results: readonly StepResult[]) => void;
}

/** Market events and refused bars or slices counted since the host started. */
interface Counts {
  events: number;
  rejected: number;
}

/**
 * Steps the engine in batches, each in one transaction, and keeps the engine as the database has it when a
 * batch fails: the transaction rolls back, the engine is rebuilt from the database, and
 * - a locked database is retried with the same slices (BUSY_RETRIES times);
 * - another storage fault stops trading, the batch's slices kept to step again after Resume;
 * - a failure of the loop itself keeps the steps before it and lets 60 s of engine time pass (the spec's
 *   error flow), stopping trading after CRITICAL_FAILURES in a row.
 */
export class StepBatches {
  private current: Engine;
  private loopFailures = 0;
  /** The engine was rebuilt: the orders its predecessor had working are cancelled with the next commit. */
  private orphanedOrders = false;
  /** The counts up to the current engine's start (a rebuilt engine counts from 0). */
  private base: Counts = { events: 0, rejected: 0 };
  /** The counts at the latest commit: where a rebuilt engine continues from. */
  private atCommit: Counts = { events: 0, rejected: 0 };
  /**
   * Why the last reload from the database failed, while it stands: the engine in memory may then be ahead
   * of the database (a rolled-back step or trader's action), so it must not step or act until reloaded.
   */
  private staleSince: { cause: unknown } | null = null;
  /** The feed has no more slices. */
  feedDone = false;

  constructor(
    private readonly deps: StepBatchesDeps,
    engine: Engine,
  ) {
    this.current = engine;
  }

  get engine(): Engine {
    return this.current;
  }

  /** Market events stepped and committed since the host started (kept across rebuilds). */
  get events(): number {
    return this.base.events + this.current.events;
  }

  /** Bars the validator refused plus slices refused for going back in time, since the host started. */
  get rejected(): number {
    return this.base.rejected + this.current.rejected;
  }

  /**
   * Steps up to `count` slices (stopping at the deadline), and any more of the last one's time, in one
   * transaction and publishes once it committed; returns how many slices were used up (stepped, or skipped
   * after a loop failure).
   */
  run(count: number, deadline: number): number {
    const { db, slices: source, wallClock } = this.deps;
    if (!this.reloaded()) return 0;
    const slices: MarketSlice[] = [];
    let results: StepResult[] = [];
    const batch = db.transaction((replay: boolean) => {
      results = [];
      if (this.orphanedOrders) cancelOrphanedOrders(db);
      if (replay) {
        for (const slice of slices) results.push(this.current.onSlice(slice));
      } else {
        for (;;) {
          const wanted = slices.length < count && (slices.length === 0 || wallClock() < deadline);
          // Past the count or the deadline, the rest of the last slice's time still goes in: a commit never
          // falls between two slices of one time (a restart resumes after the last committed time, so one
          // left for the next batch would be lost, and the restore would replay it as if stepped).
          const last = slices[slices.length - 1];
          if (!wanted && (last === undefined || source.peekTime() !== last.time)) break;
          const slice = source.next();
          if (!slice) {
            this.feedDone = true;
            break;
          }
          slices.push(slice);
          results.push(this.current.onSlice(slice));
        }
      }
      if (results.length) this.deps.touchSession(this.current.equityPoint().time);
    });
    for (let attempt = 0; ; attempt++) {
      try {
        batch(attempt > 0);
        break;
      } catch (error) {
        // The transaction rolled back: the engine in memory is ahead of the database.
        if (!this.rebuild(error)) {
          source.requeue(slices);
          return 0;
        }
        if (sqliteCode(error) === null) return this.recoverFromLoopFailure(error, slices, results.length);
        if (isBusy(error) && attempt < BUSY_RETRIES) {
          this.deps.logger.warn({ attempt: attempt + 1 }, 'database busy; retrying the step');
          continue;
        }
        source.requeue(slices);
        this.deps.stop(describeStorageError(error), error);
        return 0;
      }
    }
    this.loopFailures = 0;
    this.orphanedOrders = false;
    this.atCommit = { events: this.events, rejected: this.rejected };
    this.deps.committed.add(slices, this.current.equityPoint().time);
    this.deps.publish(results);
    return slices.length;
  }

  /**
   * After a rolled-back transaction: the engine again as the database has it. False (and trading stopped
   * for `cause`) if even that failed.
   */
  rebuild(cause: unknown): boolean {
    try {
      this.current = this.deps.buildEngine();
      this.orphanedOrders = true;
      this.base = this.atCommit;
      this.staleSince = null;
      return true;
    } catch (error) {
      this.deps.logger.error({ err: error }, 'could not reload the engine state from the database');
      this.staleSince = { cause };
      this.deps.stop(describeStorageError(cause), cause);
      return false;
    }
  }

  /**
   * True when the engine is as the database has it: after a reload that failed, it is reloaded now first.
   * False (trading stopped again with the first cause) while that still fails.
   */
  reloaded(): boolean {
    return this.staleSince === null || this.rebuild(this.staleSince.cause);
  }

  /**
   * The spec's error flow for a failure of the loop itself (not of one strategy, which only abstains): the
   * engine is back at the last committed state (reloaded above), the market moves on for 60 s of engine time
   * before the next try, and after CRITICAL_FAILURES failures in a row trading stops with the reason.
   * The batch's first `stepped` slices ran before the failure: they are stepped again, only what follows
   * the failure is skipped (a batch of many slices must not lose more market than a batch of one).
   */
  private recoverFromLoopFailure(error: unknown, slices: readonly MarketSlice[], stepped: number): number {
    const { logger, slices: source } = this.deps;
    this.loopFailures += 1;
    const good = slices.slice(0, stepped);
    const failedAt = slices[slices.length - 1]?.time ?? this.current.equityPoint().time;
    const message = error instanceof Error ? error.message : String(error);
    logger.error(
      { err: error, failures: this.loopFailures },
      'engine step failed; recovered from the last commit',
    );
    if (this.loopFailures >= CRITICAL_FAILURES) {
      source.requeue(good);
      this.deps.stop(
        `trading stopped after ${this.loopFailures} failures of the engine loop in a row: ${message}`,
      );
      return 0;
    }
    // The market moves on for the retry delay: the same data would likely fail the same way.
    let skipped = 0;
    try {
      let slice = source.next();
      while (slice && slice.time <= failedAt + RETRY_AFTER_MS) {
        skipped += 1;
        slice = source.next();
      }
      source.requeue(slice ? [...good, slice] : good);
    } catch (again) {
      return skipped + this.recoverFromLoopFailure(again, slices, stepped);
    }
    logger.warn({ skipped }, 'retrying after 60 s of engine time');
    return slices.length - good.length + skipped;
  }
}
