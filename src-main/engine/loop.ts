import type { Bar, InstrumentSpec, MarketSlice } from '../../src-shared/domain/market';
import type { BreakerEvent, BreakerState } from '../../src-shared/domain/risk';
import type { Signal, StrategyInfo } from '../../src-shared/domain/strategy';
import type { EquityPoint, Portfolio, Position, Execution } from '../../src-shared/domain/trading';
import type { Result } from '../../src-shared/ipc/result';
import type { SimulatedClock } from './clock';
import { rejectBar } from './data/bar-checks';
import type { Portfolio as PortfolioBook } from './portfolio';
import type { ExecutionEngine, Fill, Journal, MarketSnapshot, Strategy, TradeRecord } from './ports';
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

/** What one step produced; all of it is in the journal (durable once the host commits the step). */
export interface StepResult {
  time: number;
  rejected: string | null;
  equity: EquityPoint;
  trades: Execution[];
  breakerEvents: BreakerEvent[];
  /** Orders the risk manager refused on this step, with the reason. */
  refusals: { instrument: string; strategy: string; reason: string }[];
}

interface StrategyStatus {
  lastSignal: Signal | null;
  abstainReason: string | null;
}

/**
 * The per-step pipeline (docs/ARCHITECTURE.md): validate → fill the orders of the previous step → mark to
 * market → breaker → signals → size → risk approval → submit → checkpoint. Pure and deterministic: time comes from the clock the loop advances
 * to each event, randomness from the execution engine's seeded Rng, persistence through the Journal.
 */
export class Engine {
  private readonly latest = new Map<string, Bar>();
  private readonly instruments: Map<string, InstrumentSpec>;
  private readonly status = new Map<string, StrategyStatus>();
  private lastCheckpoint: number | null = null;
  /** Orders submitted and not yet finished: their size and what has filled, for their status rows. */
  private readonly openOrders = new Map<number, { qty: number; filled: number }>();
  private rejectedCount = 0;
  private eventCount = 0;

  constructor(private readonly deps: EngineDeps) {
    this.instruments = new Map(deps.instruments.map((i) => [i.id, i]));
    for (const s of deps.strategies)
      this.status.set(s.id, { lastSignal: null, abstainReason: 'no market data yet' });
  }

  get events(): number {
    return this.eventCount;
  }

  get rejected(): number {
    return this.rejectedCount;
  }

  onSlice(slice: MarketSlice): StepResult {
    const { clock, portfolio, risk, journal, execution } = this.deps;
    this.eventCount += 1;
    const rejection = this.rejectSlice(slice);
    if (rejection !== null) {
      this.rejectedCount += 1;
      return {
        time: clock.now(),
        rejected: rejection,
        equity: this.equityPoint(),
        trades: [],
        breakerEvents: [],
        refusals: [],
      };
    }
    clock.advanceTo(slice.time);

    // Orders decided on the previous step fill now (market orders at this bar's open).
    const trades: Execution[] = [];
    for (const fill of execution.onSlice(slice)) trades.push(this.book(fill));
    this.closeFinishedOrders();

    for (const bar of slice.bars) {
      this.latest.set(bar.instrument, bar);
      portfolio.mark(bar);
    }

    const breakerEvents: BreakerEvent[] = [];
    const trip = risk.breaker.onEquity(portfolio.equity(), slice.time);
    if (trip) {
      journal.recordBreakerEvent(trip);
      breakerEvents.push(trip);
    }

    const snapshot: MarketSnapshot = {
      time: slice.time,
      slice,
      latest: this.latest,
      instruments: this.instruments,
    };
    const refusals: StepResult['refusals'] = [];
    for (const strategy of this.deps.strategies) {
      const decision = strategy.onEvent(snapshot);
      const status = this.status.get(strategy.id)!;
      status.abstainReason = decision.abstain;
      for (const signal of decision.signals) {
        status.lastSignal = signal;
        const refusal = this.act(strategy.id, signal);
        if (refusal !== null)
          refusals.push({ instrument: signal.instrument, strategy: strategy.id, reason: refusal });
      }
    }

    if (this.lastCheckpoint === null || slice.time - this.lastCheckpoint >= this.deps.checkpointIntervalMs) {
      this.checkpoint();
    }
    return { time: slice.time, rejected: null, equity: this.equityPoint(), trades, breakerEvents, refusals };
  }

  /** Why a slice cannot enter the loop (time going back, or a bar that fails its checks), or null. */
  private rejectSlice(slice: MarketSlice): string | null {
    if (!(slice.time >= this.deps.clock.now()))
      return `time ${slice.time} is before engine time ${this.deps.clock.now()}`;
    for (const bar of slice.bars) {
      const why = rejectBar(bar);
      if (why !== null) return `${bar.instrument}: ${why}`;
    }
    return null;
  }

  /** Books a fill in the portfolio and the journal; returns the execution as recorded. */
  private book(fill: Fill): Execution {
    const { journal } = this.deps;
    const { realizedPnl, effect, roundTrip, position } = this.deps.portfolio.applyFill(fill);
    const record: TradeRecord = { ...fill, realizedPnl, effect };
    const id = journal.recordFill(record);
    if (roundTrip) journal.recordRoundTrip(roundTrip, id);
    journal.savePosition(position, fill.time);
    const order = this.openOrders.get(fill.orderId);
    if (order) {
      order.filled += fill.qty;
      if (order.filled >= order.qty - 1e-9) {
        journal.updateOrder(fill.orderId, 'filled', order.filled);
        this.openOrders.delete(fill.orderId);
      } else {
        journal.updateOrder(fill.orderId, 'working', order.filled);
      }
    }
    const { orderId, time, instrument, side, qty, price, commission, liquidity, strategy, reason } = record;
    return {
      id,
      orderId,
      time,
      instrument,
      side,
      qty,
      price,
      commission,
      liquidity,
      realizedPnl,
      effect,
      strategy,
      reason,
    };
  }

  /** Orders the execution engine no longer works but that did not fill in full were cancelled (IOC rest). */
  private closeFinishedOrders(): void {
    if (this.openOrders.size === 0) return;
    const working = new Set(this.deps.execution.workingOrders().map((o) => o.id));
    for (const [id, order] of this.openOrders) {
      if (working.has(id)) continue;
      this.deps.journal.updateOrder(id, 'cancelled', order.filled);
      this.openOrders.delete(id);
    }
  }

  /** Sizes a signal, asks the risk manager, and submits the order. Returns a refusal reason, or null. */
  private act(strategyId: string, signal: Signal): string | null {
    const { portfolio, risk, execution, clock } = this.deps;
    const bar = this.latest.get(signal.instrument);
    if (!bar) return `no price for ${signal.instrument} yet`;
    const lotSize = this.instruments.get(signal.instrument)?.lotSize ?? 1;
    const target = risk.targetQuantity(signal, portfolio.equity(), bar.close, lotSize);
    if (target === null) return null;
    const current = portfolio.quantity(signal.instrument);
    if (target === current) return null;
    // Changes smaller than the smallest position are not worth their commission: keep the position.
    const sameSide = Math.sign(target) === Math.sign(current);
    if (sameSide && Math.abs(target - current) * bar.close < risk.minTradeNotional(portfolio.equity()))
      return null;
    const decision = risk.approve(current, target - current);
    if (!decision.ok) return decision.reason;
    const decisionId = this.deps.journal.recordDecision({
      time: clock.now(),
      instrument: signal.instrument,
      details: {
        signals: [{ strategy: strategyId, ...signal }],
        equity: portfolio.equity(),
        price: bar.close,
        currentQty: current,
        targetQty: target,
        breakerMultiplier: risk.breaker.sizeMultiplier(),
        orderQty: decision.qty,
      },
    });
    const order = execution.submit(
      {
        instrument: signal.instrument,
        side: decision.qty > 0 ? 'buy' : 'sell',
        qty: Math.abs(decision.qty),
        type: 'market',
        timeInForce: 'ioc',
        strategy: strategyId,
        reason: signal.reason,
      },
      clock.now(),
    );
    this.deps.journal.recordOrder(order, decisionId);
    this.openOrders.set(order.id, { qty: order.qty, filled: 0 });
    return null;
  }

  /** The trader's halt: journalled, and every working order is cancelled (strategies re-decide on resume). */
  halt(reason: string): Result<BreakerEvent> {
    const result = this.manual((breaker, time) => breaker.halt(reason, time));
    if (result.ok) {
      this.deps.execution.cancelAll();
      this.closeFinishedOrders();
    }
    return result;
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
