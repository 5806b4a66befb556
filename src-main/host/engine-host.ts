import { mkdirSync } from 'node:fs';
import type { MarketSlice } from '../../src-shared/domain/market';
import type { RiskView, StrategyRow } from '../../src-shared/domain/analytics';
import type { BreakerLevel } from '../../src-shared/domain/risk';
import type { EquityPoint } from '../../src-shared/domain/trading';
import type { HostStatus, Snapshot } from '../../src-shared/ipc/contract';
import type { Result } from '../../src-shared/ipc/result';
import type { Settings } from '../../src-shared/settings/schema';
import { createEngine } from '../engine/create-engine';
import type { Engine, StepResult } from '../engine/loop';
import type { MarketFeed } from '../engine/ports';
import type { Db } from '../store/database';
import { cancelOrphanedOrders } from '../store/orphaned-orders';
import { ReadModels } from '../store/read-models';
import { Sessions } from '../store/sessions';
import { SqliteJournal } from '../store/sqlite-journal';
import { BacktestService } from './backtest-service';
import type { EngineHostOptions, HostListener } from './engine-host-options';
import { EquityHistory } from './equity-history';
import { startSession } from './session-start';
import { StepPacer } from './step-pacer';
import { EventFanout } from './event-fanout';
import { logStep } from './step-log';
import { createDefaultFeed } from './feeds';
import { CommittedSlices } from './committed-slices';
import { openAndRestore, restoreWithSettings } from './restore';
import { describeStorageError, isBusy, sqliteCode } from './storage-errors';
import { UncommittedSlices } from './uncommitted-slices';

// Options and listener type live beside this file; re-exported for the callers that import them from here.
export type { EngineHostOptions, HostListener };

/** A locked database is retried this many times (each waiting up to the busy timeout) before trading stops. */
const BUSY_RETRIES = 3;
/** Engine time the market moves on after a failed step before the loop tries again (the spec's 60 s). */
const RETRY_AFTER_MS = 60_000;
/** Failures of the loop in a row after which trading stops (the spec's "critical error"). */
const CRITICAL_FAILURES = 3;

/**
 * Owns the engine, its feed, the store and the timers; both transports (Electron IPC, HTTP + WebSocket)
 * serve the same host. Steps run in batches inside one transaction; their events are published only after
 * the commit. A failed commit rolls back, the engine is rebuilt from the database, and trading pauses with
 * the reason until the trader resumes.
 */
export class EngineHost {
  readonly db: Db;
  readonly read: ReadModels;
  private engine: Engine;
  private readonly feed: MarketFeed;
  private readonly sessions: Sessions;
  private readonly sessionId: number;
  private readonly events: EventFanout;
  private readonly history: EquityHistory;
  private readonly wallClock: () => number;
  private readonly speed: number | 'max';
  private readonly recovery: string | null;
  private readonly pacer: StepPacer;
  private fault: string | null = null;
  private loopFailures = 0;
  /** Slices taken from the feed but not committed come back first (see UncommittedSlices). */
  private readonly slices: UncommittedSlices;
  /** Slices committed since about the latest checkpoint, replayed onto an engine rebuilt after a rollback. */
  private readonly committed: CommittedSlices;
  private closed = false;
  private feedDone = false;
  /** The engine was rebuilt: the orders its predecessor had working are cancelled with the next commit. */
  private orphanedOrders = false;
  /** Backtests started from the app: worker threads, saved in the runs table, progress as events. */
  readonly backtests: BacktestService;

  constructor(private readonly options: EngineHostOptions) {
    const { settings, dataDir, logger } = options;
    this.events = new EventFanout(logger);
    mkdirSync(dataDir, { recursive: true });
    this.wallClock = options.wallClock ?? Date.now;
    this.speed = options.speed ?? settings.paper.speed;
    this.pacer = new StepPacer({
      speed: this.speed,
      barIntervalMs: settings.market.barIntervalSeconds * 1000,
      wallClock: this.wallClock,
      runDue: (count, deadline) => this.runBatch(count, deadline),
      canContinue: () => !this.fault && !this.closed && !this.feedDone,
      onStopped: () => this.events.emit('status', this.status()),
    });
    const session = startSession({
      dataDir,
      mode: options.mode ?? 'app',
      wallTime: this.wallClock(),
      allowFreshDatabase: options.allowFreshDatabase ?? false,
      busyTimeoutMs: options.busyTimeoutMs,
      logger,
    });
    this.db = session.db;
    this.sessions = session.sessions;
    this.sessionId = session.sessionId;
    this.recovery = session.recovery;
    this.read = new ReadModels(this.db);

    const seed = options.seed ?? settings.market.seed;
    const { feed, restored, replay } = openAndRestore(this.read, settings, (resumeAfter, onSkipped) =>
      (options.createFeed ?? createDefaultFeed)({ settings, seed, resumeAfter, onSkipped }),
    );
    this.feed = feed;
    this.committed = new CommittedSlices(settings.persistence.checkpointIntervalMinutes * 60_000);
    this.committed.add(replay, restored?.checkpoint.time ?? 0);
    this.slices = new UncommittedSlices(this.feed);
    this.engine = this.buildEngine(restored);
    this.history = EquityHistory.fromCheckpoints(this.read.checkpointEquity());
    this.history.push(this.engine.equityPoint());
    this.backtests = new BacktestService(
      this.db,
      logger,
      (event) => this.events.emit('backtestProgress', event),
      this.wallClock,
      options.backtestWorkerFile,
    );
  }

  /** The engine as the database says it is: the latest checkpoint plus the fills after it. */
  private buildEngine(
    restored = restoreWithSettings(this.read, this.options.settings, this.committed.slices),
  ): Engine {
    const { settings } = this.options;
    let engine: Engine | null = null;
    const journal = new SqliteJournal(this.db, this.sessionId, () => engine?.breakerMemory() ?? null);
    engine = createEngine({
      settings,
      instruments: this.feed.instruments,
      journal,
      seed: this.options.seed ?? settings.market.seed,
      restored: restored ?? undefined,
      firstOrderId: this.read.maxOrderId() + 1,
      resolveInstrument: (id) => this.feed.instruments.find((spec) => spec.id === id),
      aroundTheClock: this.feed.aroundTheClock ?? false,
    });
    return engine;
  }

  subscribe(listener: HostListener): () => void {
    return this.events.subscribe(listener);
  }

  start(): void {
    if (this.pacer.running || this.closed || this.fault) return;
    this.pacer.start();
    this.events.emit('status', this.status());
  }

  get running(): boolean {
    return this.pacer.running;
  }

  /** Processes up to `count` steps now, regardless of pacing, in one transaction; returns how many ran. */
  stepNow(count: number): number {
    return this.runBatch(count, Infinity);
  }

  /**
   * Steps up to `count` slices (stopping at the deadline) in one transaction and publishes once it
   * committed. A locked database is retried with the same slices; any other failure pauses trading.
   */
  private runBatch(count: number, deadline: number): number {
    if (this.fault || this.closed) return 0;
    const slices: MarketSlice[] = [];
    let results: StepResult[] = [];
    const batch = this.db.transaction((replay: boolean) => {
      results = [];
      if (this.orphanedOrders) cancelOrphanedOrders(this.db);
      if (replay) {
        for (const slice of slices) results.push(this.engine.onSlice(slice));
      } else {
        while (slices.length < count && (slices.length === 0 || this.wallClock() < deadline)) {
          const slice = this.slices.next();
          if (!slice) {
            this.feedDone = true;
            break;
          }
          slices.push(slice);
          results.push(this.engine.onSlice(slice));
        }
      }
      if (results.length) this.sessions.touch(this.sessionId, this.engine.equityPoint().time);
    });
    for (let attempt = 0; ; attempt++) {
      try {
        batch(attempt > 0);
        break;
      } catch (error) {
        // The transaction rolled back: the engine in memory is ahead of the database.
        if (!this.rebuildEngine(error)) {
          this.slices.requeue(slices);
          return 0;
        }
        if (sqliteCode(error) === null) return this.recoverFromLoopFailure(error, slices, results.length);
        if (isBusy(error) && attempt < BUSY_RETRIES) {
          this.options.logger.warn({ attempt: attempt + 1 }, 'database busy; retrying the step');
          continue;
        }
        this.slices.requeue(slices);
        this.stopOnStorageFault(error);
        return 0;
      }
    }
    this.loopFailures = 0;
    this.orphanedOrders = false;
    this.committed.add(slices, this.engine.equityPoint().time);
    this.publish(results);
    return slices.length;
  }

  /**
   * The spec's error flow for a failure of the loop itself (not of one strategy, which only abstains): the
   * engine is back at the last committed state (reloaded above), the market moves on for 60 s of engine time
   * before the next try, and after CRITICAL_FAILURES failures in a row trading stops with the reason.
   * The batch's first `stepped` slices ran before the failure: they are stepped again, only what follows
   * the failure is skipped (a batch of many slices must not lose more market than a batch of one).
   */
  private recoverFromLoopFailure(error: unknown, slices: readonly MarketSlice[], stepped: number): number {
    this.loopFailures += 1;
    const good = slices.slice(0, stepped);
    const failedAt = slices[slices.length - 1]?.time ?? this.engine.equityPoint().time;
    const message = error instanceof Error ? error.message : String(error);
    this.options.logger.error(
      { err: error, failures: this.loopFailures },
      'engine step failed; recovered from the last commit',
    );
    if (this.loopFailures >= CRITICAL_FAILURES) {
      this.fault = `trading stopped after ${this.loopFailures} failures of the engine loop in a row: ${message}`;
      this.pacer.stop();
      this.slices.requeue(good);
      this.events.emit('status', this.status());
      return 0;
    }
    // The market moves on for the retry delay: the same data would likely fail the same way.
    let skipped = 0;
    try {
      let slice = this.slices.next();
      while (slice && slice.time <= failedAt + RETRY_AFTER_MS) {
        skipped += 1;
        slice = this.slices.next();
      }
      this.slices.requeue(slice ? [...good, slice] : good);
    } catch (again) {
      return skipped + this.recoverFromLoopFailure(again, slices, stepped);
    }
    this.options.logger.warn({ skipped }, 'retrying after 60 s of engine time');
    return slices.length - good.length + skipped;
  }

  private publish(results: StepResult[]): void {
    const { logger } = this.options;
    let last: EquityPoint | null = null;
    for (const step of results) {
      logStep(logger, step);
      this.history.push(step.equity);
      for (const execution of step.trades) this.events.emit('fill', execution);
      for (const event of step.breakerEvents)
        this.events.emit('breaker', { event, state: this.engine.breakerState() });
      last = step.equity;
    }
    // Live equity is pushed once per batch; the full series stays available through equityHistory.
    if (last) this.events.emit('equity', last);
  }

  /** After a rolled-back transaction: the engine again as the database has it. False if even that failed. */
  private rebuildEngine(cause: unknown): boolean {
    try {
      this.engine = this.buildEngine();
      this.orphanedOrders = true;
      return true;
    } catch (error) {
      this.options.logger.error({ err: error }, 'could not reload the engine state from the database');
      this.stopOnStorageFault(cause);
      return false;
    }
  }

  private stopOnStorageFault(error: unknown): void {
    this.fault = describeStorageError(error);
    this.pacer.stop();
    this.options.logger.error({ err: error }, this.fault);
    this.events.emit('status', this.status());
  }

  status(): HostStatus {
    return {
      running: this.pacer.running,
      feed:
        this.feed.instruments.length === 1
          ? `${this.feed.instruments[0]!.id}`
          : `${this.feed.instruments.length} instruments`,
      speed: this.speed === 'max' ? 1e9 : this.speed,
      events: this.engine.events,
      rejectedEvents: this.engine.rejected,
      fault: this.fault,
      recovery: this.recovery,
    };
  }

  snapshot(): Snapshot {
    return {
      portfolio: this.engine.portfolioView(),
      positions: this.engine.positions(),
      breaker: this.engine.breakerState(),
      strategies: this.engine.strategies(),
      status: this.status(),
    };
  }

  strategyTable(): StrategyRow[] {
    return this.engine.strategyTable();
  }

  riskView(): RiskView {
    return this.engine.riskView(this.options.settings.risk.kelly.fraction);
  }

  equityHistory(maxPoints: number): EquityPoint[] {
    return this.history.downsample(maxPoints);
  }

  halt(reason: string): Result<Snapshot['breaker']> {
    return this.manual(() => this.engine.halt(reason));
  }

  /**
   * Lifts a manual halt, or — after a storage fault (disk full, database locked) — tries trading again:
   * if the database accepts writes now, the loop continues.
   */
  resume(reason?: string): Result<Snapshot['breaker']> {
    if (this.fault) {
      this.options.logger.warn({ fault: this.fault }, 'trader resumes after a storage fault');
      this.fault = null;
      this.feedDone = false;
      this.start();
      if (!this.engine.breakerState().halted) return { ok: true, value: this.engine.breakerState() };
    }
    return this.manual(() => this.engine.resume(reason));
  }

  forceLevel(level: BreakerLevel, durationMinutes: number, reason: string): Result<Snapshot['breaker']> {
    return this.manual(() => this.engine.forceLevel(level, durationMinutes * 60_000, reason));
  }

  rearm(reason: string): Result<Snapshot['breaker']> {
    return this.manual(() => this.engine.rearm(reason));
  }

  private manual(action: () => ReturnType<Engine['halt']>): Result<Snapshot['breaker']> {
    let result: ReturnType<Engine['halt']>;
    try {
      result = this.db.transaction(action)();
    } catch (error) {
      this.rebuildEngine(error);
      return { ok: false, error: `${describeStorageError(error)}; the action was not applied` };
    }
    if (!result.ok) return result;
    this.options.logger.warn(
      { event: { kind: result.value.kind, reason: result.value.reason } },
      'manual breaker action',
    );
    const state = this.engine.breakerState();
    this.events.emit('breaker', { event: result.value, state });
    return { ok: true, value: state };
  }

  /**
   * Graceful stop: takes no more events (the current batch is synchronous, so it has finished), writes a
   * checkpoint, marks the session clean and closes the database. Safe to call twice.
   */
  close(): void {
    if (this.closed) return;
    this.pacer.stop();
    this.closed = true;
    this.backtests.dispose();
    try {
      this.db.transaction(() => {
        if (!this.fault) this.engine.checkpoint();
        this.sessions.end(this.sessionId, this.wallClock());
      })();
    } catch (error) {
      this.options.logger.error(
        { err: error },
        'final checkpoint failed; the next start recovers from the last one',
      );
    } finally {
      this.db.close();
      this.events.clear();
    }
  }

  /** The data directory: the database and the trader's settings.yaml live here. */
  get dataDir(): string {
    return this.options.dataDir;
  }

  /** The settings this host runs with (read at start). */
  get settings(): Settings {
    return this.options.settings;
  }

  /** The equity points with from ≤ time ≤ to (engine time), downsampled (LTTB) to at most maxPoints. */
  equityHistoryBetween(maxPoints: number, from: number, to: number): EquityPoint[] {
    return this.history.downsample(maxPoints, from, to);
  }
}
