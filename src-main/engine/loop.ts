import type { Bar, InstrumentSpec, MarketSlice } from '../../src-shared/domain/market';
import type { BreakerEvent, BreakerLevel, BreakerState } from '../../src-shared/domain/risk';
import type { RiskView, StrategyRow } from '../../src-shared/domain/analytics';
import type { StrategyInfo } from '../../src-shared/domain/strategy';
import type { EquityPoint, Execution, Portfolio, Position } from '../../src-shared/domain/trading';
import type { Result } from '../../src-shared/ipc/result';
import type { SimulatedClock } from './clock';
import type { DataIssue } from './data/issues';
import type { LiquidationCascadeDetector } from './data/liquidation-cascade';
import type { NormalizationPipeline } from './data/normalizer';
import type { DataValidator } from './data/validator';
import type { EnsemblePipeline } from './ensemble/ensemble-pipeline';
import { BreakerControls } from './breaker-controls';
import { riskFigures, strategyInfos, strategyRows } from './engine-views';
import { StrategyStage } from './strategy-stage';
import { OrderLedger } from './order-ledger';
import { OrderPlanner } from './order-planner';
import type { Portfolio as PortfolioBook } from './portfolio';
import type { ExecutionEngine, Journal, MarketSnapshot } from './ports';
import type { BreakerMemory } from './risk/circuit-breaker';
import type { PositionSizer } from './risk/position-sizer';
import type { RiskManager } from './risk/risk-manager';
import type { TrackedStrategy } from './strategies/tracked-strategy';

export interface EngineDeps {
  clock: SimulatedClock;
  validator: DataValidator;
  normalizer: NormalizationPipeline;
  cascade: LiquidationCascadeDetector;
  /** Share of a position kept when its instrument's cascade risk turns high (risk.liquidationCascade.reduceTo). */
  cascadeKeep: number;
  instruments: readonly InstrumentSpec[];
  /** Details of an instrument the feed listed after the start (a new prediction contract), if it knows it. */
  resolveInstrument?: (id: string) => InstrumentSpec | undefined;
  strategies: readonly TrackedStrategy[];
  ensemble: EnsemblePipeline;
  sizer: PositionSizer;
  risk: RiskManager;
  execution: ExecutionEngine;
  journal: Journal;
  portfolio: PortfolioBook;
  checkpointIntervalMs: number;
}

/** What one step produced; all of it is in the journal (durable once the host commits the step). */
export interface StepResult {
  time: number;
  /** Why the whole slice was refused, or null. */
  rejected: string | null;
  /** Problems the validator found in this slice's bars (errors: the bar was skipped; warnings: it was used). */
  dataIssues: DataIssue[];
  equity: EquityPoint;
  trades: Execution[];
  breakerEvents: BreakerEvent[];
  /** Orders the risk manager refused on this step, with the reason. */
  refusals: { instrument: string; reason: string }[];
}

/**
 * The per-step pipeline (docs/ARCHITECTURE.md): validate → fill the orders of the previous step → mark to
 * market, normalise, assess cascade risk, settle → cut positions on a cascade → breaker → every strategy's signals → allocation → correlation adjustment → vote →
 * size (Kelly × breaker, limits, exposure cap) → risk approval → submit → checkpoint. Pure and
 * deterministic: time comes from the clock the loop advances to each slice, randomness from the execution
 * engine's seeded Rng, persistence through the Journal.
 */
export class Engine {
  private readonly latest = new Map<string, Bar>();
  private readonly instruments: Map<string, InstrumentSpec>;
  private readonly ledger: OrderLedger;
  private readonly planner: OrderPlanner;
  private readonly controls: BreakerControls;
  private readonly strategyStage: StrategyStage;
  private readonly featuresOf: MarketSnapshot['features'];
  private readonly cascadeOf: MarketSnapshot['cascade'];
  private lastCheckpoint: number | null = null;
  private rejectedCount = 0;
  private eventCount = 0;
  /** Bars the validator refused during the warm-up (not this engine's steps). */
  private rejectedInWarmUp = 0;

  constructor(private readonly deps: EngineDeps) {
    this.instruments = new Map(deps.instruments.map((i) => [i.id, i]));
    this.ledger = new OrderLedger(deps.portfolio, deps.journal, deps.execution);
    this.planner = new OrderPlanner(
      { ...deps, ledger: this.ledger, now: () => deps.clock.now() },
      this.latest,
      this.instruments,
    );
    this.controls = new BreakerControls(deps, this.ledger);
    this.strategyStage = new StrategyStage(deps.strategies, deps.ensemble);
    this.featuresOf = (id) => deps.normalizer.latest(id);
    this.cascadeOf = (id) => deps.cascade.latest(id);
  }

  get events(): number {
    return this.eventCount;
  }

  /** Bars the validator refused plus slices refused for going back in time. */
  get rejected(): number {
    return this.rejectedCount + this.deps.validator.counts.rejected - this.rejectedInWarmUp;
  }

  onSlice(slice: MarketSlice): StepResult {
    const { clock, portfolio, risk, journal, execution } = this.deps;
    this.eventCount += 1;
    const dataIssues: DataIssue[] = [];
    const checked = this.checkSlice(slice, dataIssues);
    if (typeof checked === 'string') {
      const equity = this.equityPoint();
      return {
        time: clock.now(),
        rejected: checked,
        dataIssues,
        equity,
        trades: [],
        breakerEvents: [],
        refusals: [],
      };
    }
    slice = checked;
    clock.advanceTo(slice.time);

    // Orders decided on the previous step fill now (a market order at this bar's open).
    const trades = execution.onSlice(slice).map((fill) => this.ledger.book(fill));
    this.ledger.closeFinished();
    for (const bar of slice.bars) {
      this.observeBar(bar);
      portfolio.mark(bar);
      const settled = this.ledger.settle(bar);
      if (settled) trades.push(settled);
    }
    this.planner.reduceOnCascade();

    const breakerEvents: BreakerEvent[] = [];
    const trip = risk.breaker.onEquity(portfolio.equity(), slice.time);
    if (trip) {
      journal.recordBreakerEvent(trip);
      breakerEvents.push(trip);
      this.controls.cancelIfStopped();
    }

    const step = this.strategyStage.decide(this.snapshotOf(slice));
    const votes = this.strategyStage.votes;
    const refusals: StepResult['refusals'] = [];
    for (const decision of step.decisions) {
      const refusal = this.planner.act(decision, step, votes);
      if (refusal !== null) refusals.push({ instrument: decision.instrument, reason: refusal });
    }

    if (this.lastCheckpoint === null || slice.time - this.lastCheckpoint >= this.deps.checkpointIntervalMs) {
      this.checkpoint();
    }
    return {
      time: slice.time,
      rejected: null,
      dataIssues,
      equity: this.equityPoint(),
      trades,
      breakerEvents,
      refusals,
    };
  }

  /** An instrument first seen now: tradable from this step if the feed gives its details. */
  private list(id: string): void {
    const spec = this.deps.resolveInstrument?.(id);
    if (!spec) return;
    this.instruments.set(id, spec);
    this.deps.execution.addInstrument(spec);
  }

  /**
   * Step 2: time must not go back; each bar goes through the data validator. Returns the bars to use, or
   * why none can be used.
   */
  private checkSlice(slice: MarketSlice, issues: DataIssue[]): MarketSlice | string {
    if (!(slice.time >= this.deps.clock.now())) {
      this.rejectedCount += 1;
      return `time ${slice.time} is before engine time ${this.deps.clock.now()}`;
    }
    const accepted = this.deps.validator.checkSlice(slice, null, issues);
    if (accepted !== null) return accepted;
    const first = issues.find((i) => i.severity === 'error');
    return first ? `${first.instrument}: ${first.message} (${first.rule})` : 'no usable bar';
  }

  /** Step 3's market state for one accepted bar: its details, the latest bar, features, cascade risk. */
  private observeBar(bar: Bar): void {
    if (!this.instruments.has(bar.instrument)) this.list(bar.instrument);
    this.latest.set(bar.instrument, bar);
    this.deps.normalizer.update(bar);
    this.deps.cascade.update(bar);
  }

  private snapshotOf(slice: MarketSlice): MarketSnapshot {
    return {
      time: slice.time,
      slice,
      latest: this.latest,
      instruments: this.instruments,
      features: this.featuresOf,
      cascade: this.cascadeOf,
    };
  }

  /**
   * Brings what depends on market data only to where an uninterrupted run had it after `slices` (the steps
   * before a restart or a rebuild, oldest first): the validator, features and cascade risk, the latest
   * bars, the strategies (indicators, views, tracking), the ensemble's weights and correlation, and the
   * sizer's shadow trades (its Kelly history). Money is not touched: no fills, marks, breaker, orders or
   * journal; the portfolio and the breaker come from the database. Each slice goes through the same checks
   * as a step. Engine time is not moved, nor are events counted.
   */
  warmUp(slices: Iterable<MarketSlice>): void {
    const issues: DataIssue[] = [];
    let time = -Infinity;
    for (const slice of slices) {
      if (!(slice.time >= time)) continue;
      issues.length = 0;
      const accepted = this.deps.validator.checkSlice(slice, null, issues);
      if (accepted === null) continue;
      time = accepted.time;
      for (const bar of accepted.bars) this.observeBar(bar);
      const step = this.strategyStage.decide(this.snapshotOf(accepted));
      for (const decision of step.decisions) this.planner.follow(decision);
    }
    this.rejectedInWarmUp = this.deps.validator.counts.rejected;
  }

  /** The trader's breaker controls (see BreakerControls). */
  halt(reason: string): Result<BreakerEvent> {
    return this.controls.halt(reason);
  }

  resume(reason?: string): Result<BreakerEvent> {
    return this.controls.resume(reason);
  }

  forceLevel(level: BreakerLevel, durationMs: number, reason: string): Result<BreakerEvent> {
    return this.controls.forceLevel(level, durationMs, reason);
  }

  rearm(reason: string): Result<BreakerEvent> {
    return this.controls.rearm(reason);
  }

  /** Saves the portfolio and breaker state (recovery starts here) and a performance sample. */
  checkpoint(): void {
    const { portfolio, journal, risk, clock } = this.deps;
    const equity = portfolio.equity();
    const view = portfolio.view();
    const lastCloses: Record<string, number> = {};
    for (const [instrument, bar] of this.latest) lastCloses[instrument] = bar.close;
    journal.checkpoint(portfolio.checkpoint(risk.breaker.state().peakEquity, lastCloses));
    journal.recordPerformance({
      time: clock.now(),
      equity,
      cash: view.cash,
      drawdown: risk.breaker.drawdown(equity),
      exposure: equity > 0 ? portfolio.grossExposure() / equity : 0,
      realizedPnl: view.realizedPnl,
      unrealizedPnl: view.unrealizedPnl,
    });
    this.lastCheckpoint = clock.now();
  }

  breakerMemory(): BreakerMemory {
    return this.deps.risk.breaker.remember();
  }

  portfolioView(): Portfolio {
    return this.deps.portfolio.view();
  }

  positions(): Position[] {
    return this.deps.portfolio.positions();
  }

  breakerState(): BreakerState {
    return this.deps.risk.breaker.state();
  }

  /** The strategies table: allocation, signal performance, last signal or abstention. */
  strategyTable(): StrategyRow[] {
    return strategyRows(this.deps, this.strategyStage.status);
  }

  /** The risk panel's figures: exposure, Kelly inputs, the correlation matrix, cascade levels. */
  riskView(kellyFraction: number): RiskView {
    return riskFigures(this.deps, this.latest.keys(), kellyFraction);
  }

  strategies(): StrategyInfo[] {
    return strategyInfos(this.deps, this.strategyStage.status);
  }

  equityPoint(): EquityPoint {
    const equity = this.deps.portfolio.equity();
    return { time: this.deps.clock.now(), equity, drawdown: this.deps.risk.breaker.drawdown(equity) };
  }
}
