import type { Bar, InstrumentId, InstrumentSpec, MarketSlice } from '../../src-shared/domain/market';
import type { BreakerEvent } from '../../src-shared/domain/risk';
import type { Signal } from '../../src-shared/domain/strategy';
import type { PositionEffect, Side } from '../../src-shared/domain/trading';

// The seams of the engine (docs/ARCHITECTURE.md). Everything outside src-main/engine plugs in here.

/** A source of market data in time order: synthetic, CSV replay, and later live data. */
export interface MarketFeed {
  readonly instruments: readonly InstrumentSpec[];
  /** Every bar closing at the next engine time, or null when the feed has no more. */
  next(): MarketSlice | null;
}

/** What the strategies see on each step. */
export interface MarketSnapshot {
  time: number;
  /** The bars that closed at this step. */
  slice: MarketSlice;
  /** The latest bar of every instrument seen so far. */
  latest: ReadonlyMap<InstrumentId, Bar>;
  instruments: ReadonlyMap<InstrumentId, InstrumentSpec>;
}

export type StrategyDecision = { signals: Signal[]; abstain: null } | { signals: []; abstain: string };

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
  orderId: number;
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
}

export interface PortfolioCheckpoint {
  time: number;
  cash: number;
  equity: number;
  realizedPnl: number;
  commissions: number;
  peakEquity: number;
  positions: { instrument: string; qty: number; avgPrice: number; lastPrice: number }[];
}

/**
 * Persistence port. Every call is durable when it returns (the engine tells nobody about a fill before
 * that), so the host may publish what the step returns.
 */
export interface Journal {
  /** Records an executed trade and returns its id. */
  recordTrade(trade: TradeRecord): number;
  recordBreakerEvent(event: BreakerEvent): void;
  checkpoint(checkpoint: PortfolioCheckpoint): void;
}
