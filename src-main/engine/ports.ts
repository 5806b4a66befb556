import type { Bar, InstrumentId, InstrumentSpec, MarketSlice } from '../../src-shared/domain/market';
import type { BreakerEvent } from '../../src-shared/domain/risk';
import type { CascadeAssessment } from './data/liquidation-cascade';
import type { NormalizedFeatures } from './data/normalizer';
import type { Signal } from '../../src-shared/domain/strategy';
import type { PositionEffect, Side } from '../../src-shared/domain/trading';

// The seams of the engine (docs/ARCHITECTURE.md). Everything outside src-main/engine plugs in here.

/** A source of market data in time order: synthetic, CSV replay, and later live data. */
export interface MarketFeed {
  readonly instruments: readonly InstrumentSpec[];
  /** Every instrument trades around the clock (no exchange calendar applies), as in the synthetic market. */
  readonly aroundTheClock?: boolean;
  /** Every bar closing at the next engine time, or null when the feed has no more. */
  next(): MarketSlice | null;
}

/** What the strategies see on each step. */
export interface MarketSnapshot {
  time: number;
  /** The bars that closed at this step (only those that passed validation). */
  slice: MarketSlice;
  /** The latest bar of every instrument seen so far. */
  latest: ReadonlyMap<InstrumentId, Bar>;
  instruments: ReadonlyMap<InstrumentId, InstrumentSpec>;
  /** Normalised features of an instrument's latest bar (rolling z-scores, clipped), undefined before it. */
  features(instrument: InstrumentId): NormalizedFeatures | undefined;
  /** The liquidation-cascade assessment of an instrument's latest bar, undefined before it. */
  cascade(instrument: InstrumentId): CascadeAssessment | undefined;
}

/** A strategy's signals for a step, or why it has none. Read-only: a strategy may return the same object again. */
export type StrategyDecision =
  | { readonly signals: readonly Signal[]; readonly abstain: null }
  | { readonly signals: readonly []; readonly abstain: string };

export interface Strategy {
  readonly id: string;
  readonly name: string;
  onEvent(snapshot: MarketSnapshot): StrategyDecision;
}

export type OrderType = 'market' | 'limit' | 'stop' | 'stop-limit';

export interface OrderRequest {
  instrument: InstrumentId;
  side: Side;
  qty: number;
  type: OrderType;
  /** Limit price of limit and stop-limit orders. */
  limitPrice?: number;
  /** Trigger price of stop and stop-limit orders. */
  stopPrice?: number;
  /** `ioc`: what cannot fill on the next bar is cancelled; `gtc`: it keeps working. */
  timeInForce: 'gtc' | 'ioc';
  strategy: string;
  reason: string;
}

export interface WorkingOrder extends OrderRequest {
  id: number;
  submittedAt: number;
  filledQty: number;
}

export interface Fill {
  /** The order filled; null when a contract's settlement closed the position. */
  orderId: number | null;
  time: number;
  instrument: InstrumentId;
  side: Side;
  qty: number;
  price: number;
  commission: number;
  liquidity: 'maker' | 'taker';
  strategy: string;
  reason: string;
}

/** An executed fill as recorded, with what it did to the position. */
export interface TradeRecord extends Fill {
  realizedPnl: number;
  effect: PositionEffect;
}

/**
 * Executes orders against the market. An order submitted on a step is worked from the next slice on: a
 * market order decided on a bar's close fills at the next bar's open (no look-ahead).
 */
export interface ExecutionEngine {
  submit(order: OrderRequest, time: number): WorkingOrder;
  cancel(orderId: number): WorkingOrder | null;
  /** Cancels every working order (a halt does this); returns what was cancelled. */
  cancelAll(): WorkingOrder[];
  /** Works the open orders against a new slice; returns the fills in execution order. */
  onSlice(slice: MarketSlice): Fill[];
  workingOrders(): readonly WorkingOrder[];
  /** Makes an instrument listed after the start tradable (a no-op for one already known). */
  addInstrument(spec: InstrumentSpec): void;
}

export interface PortfolioCheckpoint {
  time: number;
  cash: number;
  equity: number;
  realizedPnl: number;
  commissions: number;
  peakEquity: number;
  positions: PositionRecord[];
  /** The last close of every instrument seen, so a restarted market continues from these prices. */
  lastCloses: Record<string, number>;
}

export interface PositionRecord {
  instrument: string;
  qty: number;
  avgPrice: number;
  lastPrice: number;
  /** When the position was opened (engine time) and by which strategy, for its round trip. */
  openedAt: number;
  strategy: string;
  /** Commission paid on the open quantity, carried into the round trip that closes it. */
  entryCommission: number;
}

/** A closed round trip (or the closed part of a position), average-cost matched like realised P&L. */
export interface RoundTrip {
  instrument: string;
  side: 'long' | 'short';
  qty: number;
  entryTime: number;
  exitTime: number;
  entryPrice: number;
  exitPrice: number;
  /** Price P&L before commission, qty × (exit − entry) (sign flipped for a short): the realised P&L. */
  pnl: number;
  /** The entry fills' share of commission for this quantity plus the closing fill's share. */
  commission: number;
  strategy: string;
}

/** Why an order was sent: the inputs of its size, kept so the trader can see how every trade came about. */
export interface DecisionRecord {
  time: number;
  instrument: string;
  /** Free-form but stable JSON: signals and votes, weights, penalties, sizing inputs, final size. */
  details: Readonly<Record<string, unknown>>;
}

export interface PerformanceSample {
  time: number;
  equity: number;
  cash: number;
  drawdown: number;
  /** Sum of |position notional| / equity. */
  exposure: number;
  realizedPnl: number;
  unrealizedPnl: number;
}

/**
 * Persistence port. The engine records everything a step does through it; the host runs each step (or a
 * batch of steps) in one transaction and publishes the step's results only after it committed, so nothing
 * anyone was told about can be lost.
 */
export interface Journal {
  recordDecision(decision: DecisionRecord): number;
  recordOrder(order: WorkingOrder, decisionId: number | null): void;
  /** A fill, or a cancellation, changed an order's status. */
  updateOrder(orderId: number, status: 'working' | 'filled' | 'cancelled', filledQty: number): void;
  /** Records an execution and returns its id. */
  recordFill(fill: TradeRecord): number;
  recordRoundTrip(trip: RoundTrip, closingFillId: number): void;
  /** The position after a fill; qty 0 removes it. */
  savePosition(position: PositionRecord, time: number): void;
  recordBreakerEvent(event: BreakerEvent): void;
  recordPerformance(sample: PerformanceSample): void;
  checkpoint(checkpoint: PortfolioCheckpoint): void;
}
