import type { Bar, InstrumentSpec, MarketSlice } from '../../src-shared/domain/market';
import type { BreakerEvent, BreakerLevel, BreakerState } from '../../src-shared/domain/risk';
import type { RiskView, StrategyRow } from '../../src-shared/domain/analytics';
import type { Signal, StrategyInfo } from '../../src-shared/domain/strategy';
import type { EquityPoint, Execution, Portfolio, Position } from '../../src-shared/domain/trading';
import type { Result } from '../../src-shared/ipc/result';
import type { SimulatedClock } from './clock';
import type { DataIssue } from './data/issues';
import type { LiquidationCascadeDetector } from './data/liquidation-cascade';
import type { NormalizationPipeline } from './data/normalizer';
import type { DataValidator } from './data/validator';
import type { EnsemblePipeline } from './ensemble/ensemble-pipeline';
import { BreakerControls } from './breaker-controls';
import { CastVotes } from './ensemble/cast-votes';
import type { StrategyVote } from './ensemble/types';
import { riskFigures, strategyInfos, strategyRows } from './engine-views';
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

export interface StrategyStatus {
  lastSignal: Signal | null;
  abstainReason: string | null;
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
  private readonly status = new Map<string, StrategyStatus>();
  /** The same status objects in strategy order, for the per-step loop (no lookup by id). */
  private readonly statusList: StrategyStatus[];
  private readonly ledger: OrderLedger;
  private readonly planner: OrderPlanner;
  private readonly controls: BreakerControls;
  private readonly returns: Float64Array;
  private readonly castVotes: CastVotes;
  /** The step's votes: one list, refilled each step (no one keeps it past the step). */
  private readonly votes: StrategyVote[] = [];
  private readonly featuresOf: MarketSnapshot['features'];
  private readonly cascadeOf: MarketSnapshot['cascade'];
  private lastCheckpoint: number | null = null;
  private rejectedCount = 0;
  private eventCount = 0;

  constructor(private readonly deps: EngineDeps) {
    this.instruments = new Map(deps.instruments.map((i) => [i.id, i]));
    this.statusList = deps.strategies.map(() => ({ lastSignal: null, abstainReason: 'no market data yet' }));
    deps.strategies.forEach((s, i) => this.status.set(s.id, this.statusList[i]!));
    this.ledger = new OrderLedger(deps.portfolio, deps.journal, deps.execution);
    this.planner = new OrderPlanner(
      { ...deps, ledger: this.ledger, now: () => deps.clock.now() },
      this.latest,
      this.instruments,
    );
    this.controls = new BreakerControls(deps, this.ledger);
    this.returns = new Float64Array(deps.strategies.length);
    this.castVotes = new CastVotes(deps.strategies.length);
    this.featuresOf = (id) => deps.normalizer.latest(id);
    this.cascadeOf = (id) => deps.cascade.latest(id);
  }

  get events(): number {
    return this.eventCount;
  }

  /** Bars the validator refused plus slices refused for going back in time. */
  get rejected(): number {
    return this.rejectedCount + this.deps.validator.counts.rejected;
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
      if (!this.instruments.has(bar.instrument)) this.list(bar.instrument);
      this.latest.set(bar.instrument, bar);
      portfolio.mark(bar);
      this.deps.normalizer.update(bar);
      this.deps.cascade.update(bar);
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

    const snapshot: MarketSnapshot = {
      time: slice.time,
      slice,
      latest: this.latest,
      instruments: this.instruments,
      features: this.featuresOf,
      cascade: this.cascadeOf,
    };
    const votes = this.collectVotes(snapshot);
    this.deps.ensemble.observe(slice.time, this.returns);
    const step = this.deps.ensemble.decide(votes);
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

  /** Step 6: every strategy's signals as votes, and each strategy's signal return for this bar. */
  private collectVotes(snapshot: MarketSnapshot): StrategyVote[] {
    const votes = this.votes;
    let count = 0;
    const { strategies } = this.deps;
    for (let i = 0; i < strategies.length; i++) {
      const strategy = strategies[i]!;
      const decision = strategy.onEvent(snapshot);
      this.returns[i] = strategy.lastReturn;
      const status = this.statusList[i]!;
      status.abstainReason = decision.abstain;
      const { signals } = decision;
      for (let k = 0; k < signals.length; k++)
        votes[count++] = this.castVotes.voteFor(i, strategy.id, k, signals[k]!);
      if (signals.length > 0) status.lastSignal = signals[signals.length - 1]!;
    }
    votes.length = count;
    return votes;
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
    return strategyRows(this.deps, this.status);
  }

  /** The risk panel's figures: exposure, Kelly inputs, the correlation matrix, cascade levels. */
  riskView(kellyFraction: number): RiskView {
    return riskFigures(this.deps, this.latest.keys(), kellyFraction);
  }

  strategies(): StrategyInfo[] {
    return strategyInfos(this.deps, this.status);
  }

  equityPoint(): EquityPoint {
    const equity = this.deps.portfolio.equity();
    return { time: this.deps.clock.now(), equity, drawdown: this.deps.risk.breaker.drawdown(equity) };
  }
}
