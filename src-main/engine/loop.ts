import type { Bar, InstrumentSpec } from '../../src-shared/domain/market';
import type { BreakerEvent, BreakerState } from '../../src-shared/domain/risk';
import type { Signal, StrategyInfo } from '../../src-shared/domain/strategy';
import type { EquityPoint, Portfolio, Position, Trade } from '../../src-shared/domain/trading';
import type { Result } from '../../src-shared/ipc/result';
import type { SimulatedClock } from './clock';
import { rejectBar } from './data/bar-checks';
import type { Portfolio as PortfolioBook } from './portfolio';
import type { ExecutionEngine, Journal, MarketSnapshot, Strategy } from './ports';
import type { BreakerMemory } from './risk/circuit-breaker';
import type { RiskManager } from './risk/risk-manager';

export interface EngineDeps {
  clock: SimulatedClock;
  instruments: readonly InstrumentSpec[];
  strategies: readonly Strategy[];
  risk: RiskManager;
  execution: ExecutionEngine;
  journal: Journal;
  portfolio: PortfolioBook;
  checkpointIntervalMs: number;
}

/** What one market event produced; everything in it is already durable in the journal. */
export interface StepResult {
  time: number;
  rejected: string | null;
  equity: EquityPoint;
  trades: Trade[];
  breakerEvents: BreakerEvent[];
  /** Orders the risk manager refused on this step, with the reason. */
  refusals: { instrument: string; strategy: string; reason: string }[];
}

interface StrategyStatus {
  lastSignal: Signal | null;
  abstainReason: string | null;
}

/**
 * The per-event pipeline (docs/ARCHITECTURE.md): validate → mark to market → breaker → signals → size →
 * risk approval → execute → persist. Pure and deterministic: time comes from the clock the loop advances
 * to each event, randomness from the execution engine's seeded Rng, persistence through the Journal.
 */
export class Engine {
  private readonly latest = new Map<string, Bar>();
  private readonly lotSizes: Map<string, number>;
  private readonly status = new Map<string, StrategyStatus>();
  private lastCheckpoint: number | null = null;
  private rejectedCount = 0;
  private eventCount = 0;

  constructor(private readonly deps: EngineDeps) {
    this.lotSizes = new Map(deps.instruments.map((i) => [i.id, i.lotSize]));
    for (const s of deps.strategies)
      this.status.set(s.id, { lastSignal: null, abstainReason: 'no market data yet' });
  }

  get events(): number {
    return this.eventCount;
  }

  get rejected(): number {
    return this.rejectedCount;
  }

  onBar(bar: Bar): StepResult {
    const { clock, portfolio, risk, journal } = this.deps;
    this.eventCount += 1;
    const rejection = rejectBar(bar);
    if (rejection !== null || bar.time < clock.now()) {
      this.rejectedCount += 1;
      const reason = rejection ?? `time ${bar.time} is before engine time ${clock.now()}`;
      return {
        time: clock.now(),
        rejected: reason,
        equity: this.equityPoint(),
        trades: [],
        breakerEvents: [],
        refusals: [],
      };
    }
    clock.advanceTo(bar.time);
    this.latest.set(bar.instrument, bar);
    portfolio.mark(bar);

    const breakerEvents: BreakerEvent[] = [];
    const trip = risk.breaker.onEquity(portfolio.equity(), bar.time);
    if (trip) {
      journal.recordBreakerEvent(trip);
      breakerEvents.push(trip);
    }

    const snapshot: MarketSnapshot = { time: bar.time, bar, latest: this.latest };
    const trades: Trade[] = [];
    const refusals: StepResult['refusals'] = [];
    for (const strategy of this.deps.strategies) {
      const decision = strategy.onEvent(snapshot);
      const status = this.status.get(strategy.id)!;
      status.abstainReason = decision.abstain;
      for (const signal of decision.signals) {
        status.lastSignal = signal;
        const outcome = this.act(strategy.id, signal);
        if (outcome === null) continue;
        if (outcome.ok) trades.push(outcome.value);
        else refusals.push({ instrument: signal.instrument, strategy: strategy.id, reason: outcome.error });
      }
    }

    if (this.lastCheckpoint === null || bar.time - this.lastCheckpoint >= this.deps.checkpointIntervalMs) {
      this.checkpoint();
    }
    return { time: bar.time, rejected: null, equity: this.equityPoint(), trades, breakerEvents, refusals };
  }

  /** Sizes, approves and executes one signal. Null when there is nothing to do (hold, or at target). */
  private act(strategyId: string, signal: Signal): Result<Trade> | null {
    const { portfolio, risk, execution, journal } = this.deps;
    const bar = this.latest.get(signal.instrument);
    if (!bar) return { ok: false, error: `no price for ${signal.instrument} yet` };
    const lotSize = this.lotSizes.get(signal.instrument) ?? 1;
    const target = risk.targetQuantity(signal, portfolio.equity(), bar.close, lotSize);
    if (target === null) return null;
    const current = portfolio.quantity(signal.instrument);
    if (target === current) return null;
    // Changes smaller than the smallest position are not worth their commission: keep the position.
    const sameSide = Math.sign(target) === Math.sign(current);
    if (sameSide && Math.abs(target - current) * bar.close < risk.minTradeNotional(portfolio.equity()))
      return null;
    const decision = risk.approve(current, target - current);
    if (!decision.ok) return { ok: false, error: decision.reason };
    const fills = execution.execute(
      {
        instrument: signal.instrument,
        side: decision.qty > 0 ? 'buy' : 'sell',
        qty: Math.abs(decision.qty),
        strategy: strategyId,
        reason: signal.reason,
      },
      bar,
    );
    let last: Trade | null = null;
    for (const fill of fills) {
      const { realizedPnl, effect } = portfolio.applyFill(fill);
      const record = { ...fill, realizedPnl, effect, strategy: strategyId, reason: signal.reason };
      const id = journal.recordTrade(record);
      last = { id, ...record };
    }
    return last ? { ok: true, value: last } : { ok: false, error: 'the order did not fill' };
  }

  halt(reason: string): Result<BreakerEvent> {
    return this.manual((breaker, time) => breaker.halt(reason, time));
  }

  resume(reason?: string): Result<BreakerEvent> {
    return this.manual((breaker, time) => breaker.resume(time, reason));
  }

  /** A manual breaker action: its audit row is written before the new state counts; on failure it is undone. */
  private manual(
    action: (breaker: RiskManager['breaker'], time: number) => Result<BreakerEvent>,
  ): Result<BreakerEvent> {
    const { breaker } = this.deps.risk;
    const memory = breaker.remember();
    const result = action(breaker, this.deps.clock.now());
    if (!result.ok) return result;
    try {
      this.deps.journal.recordBreakerEvent(result.value);
    } catch (error) {
      breaker.restore(memory);
      throw error;
    }
    return result;
  }

  checkpoint(): void {
    const { portfolio, journal, risk, clock } = this.deps;
    journal.checkpoint(portfolio.checkpoint(risk.breaker.state().peakEquity));
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

  strategies(): StrategyInfo[] {
    return this.deps.strategies.map((s) => {
      const status = this.status.get(s.id)!;
      return {
        id: s.id,
        name: s.name,
        enabled: true,
        lastSignal: status.lastSignal,
        abstainReason: status.abstainReason,
      };
    });
  }

  equityPoint(): EquityPoint {
    const equity = this.deps.portfolio.equity();
    return { time: this.deps.clock.now(), equity, drawdown: this.deps.risk.breaker.drawdown(equity) };
  }
}
