import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { EquityPoint } from '../../src-shared/domain/trading';
import type { EventName, EventPayload, HostStatus, Snapshot } from '../../src-shared/ipc/contract';
import type { Result } from '../../src-shared/ipc/result';
import type { Settings } from '../../src-shared/settings/schema';
import { createEngine } from '../engine/create-engine';
import type { Engine, StepResult } from '../engine/loop';
import type { MarketFeed } from '../engine/ports';
import { SyntheticFeed } from '../feeds/synthetic-feed';
import type { Logger } from '../log';
import { openDatabase, type Db } from '../store/database';
import { ReadModels } from '../store/read-models';
import { SqliteJournal } from '../store/sqlite-journal';
import { EquityHistory } from './equity-history';
import { DATABASE_FILE } from './paths';
import { restoreState } from './restore';

export interface EngineHostOptions {
  dataDir: string;
  settings: Settings;
  logger: Logger;
  /** Wall clock of the host (the engine never reads it). */
  wallClock?: () => number;
  /** Engine time runs at wall time × speed; overrides settings.paper.speed. */
  speed?: number;
  seed?: number;
}

export type HostListener = <K extends EventName>(name: K, payload: EventPayload<K>) => void;

/** Longest wall time one timer tick may spend stepping, so commands and I/O stay responsive. */
const TICK_BUDGET_MS = 50;
const MIN_TICK_MS = 16;

/**
 * Owns the engine, its feed, the store and the timers. Both transports (Electron IPC, HTTP + WebSocket)
 * serve the same host. Events are published only after the step that produced them is durable.
 */
export class EngineHost {
  readonly db: Db;
  readonly read: ReadModels;
  private readonly engine: Engine;
  private readonly feed: MarketFeed;
  private readonly listeners = new Set<HostListener>();
  private readonly history: EquityHistory;
  private readonly wallClock: () => number;
  private readonly speed: number;
  private readonly barIntervalMs: number;
  private timer: NodeJS.Timeout | null = null;
  private pacingStart = 0;
  private barsSincePacingStart = 0;
  private fault: string | null = null;
  private closed = false;

  constructor(private readonly options: EngineHostOptions) {
    const { settings, dataDir } = options;
    mkdirSync(dataDir, { recursive: true });
    this.wallClock = options.wallClock ?? Date.now;
    this.speed = options.speed ?? settings.paper.speed;
    this.barIntervalMs = settings.market.barIntervalSeconds * 1000;
    this.db = openDatabase(join(dataDir, DATABASE_FILE));
    this.read = new ReadModels(this.db);
    const restored = restoreState(this.read, settings.paper.initialCash) ?? undefined;
    let engineRef: Engine | null = null;
    const journal = new SqliteJournal(this.db, () => engineRef?.breakerMemory() ?? null);
    const seed = options.seed ?? settings.market.seed;
    // A continuing session picks the market up where the last checkpoint left engine time.
    const startTime =
      restored?.checkpoint.time ?? Math.floor(this.wallClock() / this.barIntervalMs) * this.barIntervalMs;
    this.feed = new SyntheticFeed({
      seed: seed + Math.floor(startTime / this.barIntervalMs),
      instrument: settings.market.instrument,
      startTime,
      barIntervalMs: this.barIntervalMs,
      initialPrice: restored?.checkpoint.positions[0]?.lastPrice ?? settings.market.initialPrice,
      annualDrift: settings.market.annualDrift,
      annualVolatility: settings.market.annualVolatility,
    });
    this.engine = createEngine({ settings, instruments: this.feed.instruments, journal, seed, restored });
    engineRef = this.engine;
    this.history = EquityHistory.fromCheckpoints(this.read.checkpointEquity());
    if (restored) {
      options.logger.info({ time: restored.checkpoint.time }, 'continuing from the latest checkpoint');
    }
    this.history.push(this.engine.equityPoint());
  }

  subscribe(listener: HostListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start(): void {
    if (this.timer || this.closed || this.fault) return;
    this.pacingStart = this.wallClock();
    this.barsSincePacingStart = 0;
    this.schedule();
    this.emit('status', this.status());
  }

  get running(): boolean {
    return this.timer !== null;
  }

  /** Processes up to `count` events now, regardless of pacing (tests and the headless runner). */
  stepNow(count: number): number {
    let done = 0;
    while (done < count && this.stepOnce()) done += 1;
    return done;
  }

  private schedule(): void {
    const delay = Math.max(MIN_TICK_MS, this.barIntervalMs / this.speed);
    this.timer = setTimeout(() => this.tick(), delay);
  }

  private tick(): void {
    this.timer = null;
    const wallElapsed = this.wallClock() - this.pacingStart;
    const due = Math.floor((wallElapsed * this.speed) / this.barIntervalMs) - this.barsSincePacingStart;
    const deadline = this.wallClock() + TICK_BUDGET_MS;
    let last: EquityPoint | null = null;
    for (let i = 0; i < due && this.wallClock() < deadline; i++) {
      const step = this.stepOnce(false);
      if (!step) break;
      this.barsSincePacingStart += 1;
      last = step.equity;
    }
    // Live equity is pushed once per tick; the full series stays available through equityHistory.
    if (last) this.emit('equity', last);
    if (!this.fault && !this.closed) this.schedule();
  }

  private stepOnce(emitEquity = true): StepResult | null {
    if (this.fault || this.closed) return null;
    const slice = this.feed.next();
    if (!slice) return null;
    let step: StepResult;
    try {
      step = this.engine.onSlice(slice);
    } catch (error) {
      this.stopOnFault(error);
      return null;
    }
    if (step.rejected)
      this.options.logger.warn({ time: slice.time, reason: step.rejected }, 'market event rejected');
    this.history.push(step.equity);
    for (const trade of step.trades) this.emit('fill', trade);
    for (const event of step.breakerEvents) {
      this.options.logger.warn({ event: { kind: event.kind, reason: event.reason } }, 'circuit breaker');
      this.emit('breaker', { event, state: this.engine.breakerState() });
    }
    if (emitEquity) this.emit('equity', step.equity);
    return step;
  }

  private stopOnFault(error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    this.fault = `trading stopped: ${message}`;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.options.logger.error({ err: error }, 'engine step failed; trading stopped');
    this.emit('status', this.status());
  }

  status(): HostStatus {
    return {
      running: this.timer !== null,
      feed: `synthetic ${this.options.settings.market.instrument}`,
      speed: this.speed,
      events: this.engine.events,
      rejectedEvents: this.engine.rejected,
      fault: this.fault,
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

  equityHistory(maxPoints: number): EquityPoint[] {
    return this.history.downsample(maxPoints);
  }

  halt(reason: string): Result<Snapshot['breaker']> {
    return this.manual(() => this.engine.halt(reason));
  }

  resume(reason?: string): Result<Snapshot['breaker']> {
    return this.manual(() => this.engine.resume(reason));
  }

  private manual(action: () => ReturnType<Engine['halt']>): Result<Snapshot['breaker']> {
    const result = action();
    if (!result.ok) return result;
    this.options.logger.warn(
      { event: { kind: result.value.kind, reason: result.value.reason } },
      'manual breaker action',
    );
    const state = this.engine.breakerState();
    this.emit('breaker', { event: result.value, state });
    return { ok: true, value: state };
  }

  private emit<K extends EventName>(name: K, payload: EventPayload<K>): void {
    for (const listener of this.listeners) {
      try {
        listener(name, payload);
      } catch (error) {
        this.options.logger.error({ err: error, event: name }, 'event listener failed');
      }
    }
  }

  /** Stops the loop, writes a final checkpoint and closes the database. Safe to call twice. */
  close(): void {
    if (this.closed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    try {
      if (!this.fault) this.engine.checkpoint();
    } finally {
      this.closed = true;
      this.db.close();
      this.listeners.clear();
    }
  }
}
