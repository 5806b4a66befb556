import { mkdirSync } from 'node:fs';
import type { RiskView, StrategyRow } from '../../src-shared/domain/analytics';
import type { BreakerLevel } from '../../src-shared/domain/risk';
import type { EquityPoint } from '../../src-shared/domain/trading';
import type { HostStatus, Snapshot } from '../../src-shared/ipc/contract';
import type { Result } from '../../src-shared/ipc/result';
import type { Settings } from '../../src-shared/settings/schema';
import type { Engine, StepResult } from '../engine/loop';
import type { MarketFeed } from '../engine/ports';
import type { Db } from '../store/database';
import { ReadModels } from '../store/read-models';
import { Sessions } from '../store/sessions';
import { BacktestService } from './backtest-service';
import type { EngineHostOptions, HostListener } from './engine-host-options';
import { EquityHistory } from './equity-history';
import { startSession } from './session-start';
import { StepPacer } from './step-pacer';
import { EventFanout } from './event-fanout';
import { logStep } from './step-log';
import { createDefaultFeed } from './feeds';
import { CommittedSlices, WARM_UP_STEPS } from './committed-slices';
import { StepBatches } from './step-batches';
import { applyBreakerAction } from './breaker-actions';
import { openAndRestore, type RestoredState } from './restore';
import { buildHostEngine } from './build-engine';
import { UncommittedSlices } from './uncommitted-slices';

// Options and listener type live beside this file; re-exported for the callers that import them from here.
export type { EngineHostOptions, HostListener };

/**
 * Owns the engine, its feed, the store and the timers; both transports (Electron IPC, HTTP + WebSocket)
 * serve the same host. Steps run in batches inside one transaction; their events are published only after
 * the commit. A failed commit rolls back, the engine is rebuilt from the database, and trading pauses with
 * the reason until the trader resumes.
 */
export class EngineHost {
  readonly db: Db;
  readonly read: ReadModels;
  /** The engine, stepped in batches and rebuilt from the database when a batch rolls back. */
  private readonly batches: StepBatches;
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
  /** Slices committed since about the latest checkpoint, replayed onto an engine rebuilt after a rollback. */
  private readonly committed: CommittedSlices;
  private closed = false;
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
      canContinue: () => !this.fault && !this.closed && !this.batches.feedDone,
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
    const { feed, restored, history } = openAndRestore(
      this.read,
      settings,
      (resumeAfter, onSkipped) =>
        (options.createFeed ?? createDefaultFeed)({ settings, seed, resumeAfter, onSkipped }),
      WARM_UP_STEPS,
    );
    this.feed = feed;
    this.committed = new CommittedSlices(settings.persistence.checkpointIntervalMinutes * 60_000);
    this.committed.add(history, restored?.checkpoint.time ?? 0);
    this.batches = new StepBatches(
      {
        db: this.db,
        logger,
        wallClock: this.wallClock,
        slices: new UncommittedSlices(this.feed),
        committed: this.committed,
        buildEngine: () => this.buildEngine(),
        touchSession: (engineTime) => this.sessions.touch(this.sessionId, engineTime),
        stop: (fault, error) => this.stop(fault, error),
        publish: (results) => this.publish(results),
      },
      this.buildEngine(restored),
    );
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

  /** The engine as the database says it is (see buildHostEngine). */
  private buildEngine(restored?: RestoredState | null): Engine {
    const { db, sessionId, read, feed, committed } = this;
    const { settings, seed } = this.options;
    const source = { db, sessionId, read, settings, seed: seed ?? settings.market.seed, feed, committed };
    return restored === undefined ? buildHostEngine(source) : buildHostEngine(source, restored);
  }

  private get engine(): Engine {
    return this.batches.engine;
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

  /**
   * Processes up to `count` steps now (and any more of the last one's time: a commit never splits a time),
   * regardless of pacing, in one transaction; returns how many ran.
   */
  stepNow(count: number): number {
    return this.runBatch(count, Infinity);
  }

  private runBatch(count: number, deadline: number): number {
    if (this.fault || this.closed) return 0;
    return this.batches.run(count, deadline);
  }

  private publish(results: readonly StepResult[]): void {
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

  /** Trading stops with the reason until the trader resumes. */
  private stop(fault: string, error?: unknown): void {
    this.fault = fault;
    this.pacer.stop();
    if (error !== undefined) this.options.logger.error({ err: error }, fault);
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
      events: this.batches.events,
      rejectedEvents: this.batches.rejected,
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
    return this.manual((engine) => engine.halt(reason));
  }

  /**
   * Lifts a manual halt, or — after a storage fault (disk full, database locked) — tries trading again:
   * if the database accepts writes now, the loop continues.
   */
  resume(reason?: string): Result<Snapshot['breaker']> {
    if (this.fault) {
      this.options.logger.warn({ fault: this.fault }, 'trader resumes after a storage fault');
      this.fault = null;
      if (!this.batches.reloaded())
        return { ok: false, error: this.fault ?? 'the engine could not be reloaded' };
      this.batches.feedDone = false;
      this.start();
      if (!this.engine.breakerState().halted) return { ok: true, value: this.engine.breakerState() };
    }
    return this.manual((engine) => engine.resume(reason));
  }

  forceLevel(level: BreakerLevel, durationMinutes: number, reason: string): Result<Snapshot['breaker']> {
    return this.manual((engine) => engine.forceLevel(level, durationMinutes * 60_000, reason));
  }

  rearm(reason: string): Result<Snapshot['breaker']> {
    return this.manual((engine) => engine.rearm(reason));
  }

  private manual(action: (engine: Engine) => ReturnType<Engine['halt']>): Result<Snapshot['breaker']> {
    const { db, batches, events } = this;
    return applyBreakerAction(
      { db, logger: this.options.logger, batches, events, fault: () => this.fault },
      action,
    );
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
