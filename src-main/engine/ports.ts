import type { Bar, InstrumentSpec } from '../../src-shared/domain/market';
import type { BreakerEvent } from '../../src-shared/domain/risk';
import type { Signal } from '../../src-shared/domain/strategy';
import type { PositionEffect, Side } from '../../src-shared/domain/trading';

// The seams of the engine (docs/ARCHITECTURE.md). Everything outside src-main/engine plugs in here.

/** A source of market events in time order. Synthetic, CSV replay, and later live data. */
export interface MarketFeed {
  readonly instruments: readonly InstrumentSpec[];
  /** The next bar in time order, or null when the feed has no more. */
  next(): Bar | null;
}

/** What the strategies see on each event. */
export interface MarketSnapshot {
  time: number;
  /** The event that triggered this step. */
  bar: Bar;
  /** The latest bar of every instrument seen so far. */
  latest: ReadonlyMap<string, Bar>;
}

export type StrategyDecision = { signals: Signal[]; abstain: null } | { signals: []; abstain: string };

export interface Strategy {
  readonly id: string;
  readonly name: string;
  onEvent(snapshot: MarketSnapshot): StrategyDecision;
}

export interface OrderRequest {
  instrument: string;
  side: Side;
  qty: number;
  strategy: string;
  reason: string;
}

export interface Fill {
  time: number;
  instrument: string;
  side: Side;
  qty: number;
  price: number;
  commission: number;
}

/** An executed fill as recorded, with what it did to the position. */
export interface TradeRecord extends Fill {
  realizedPnl: number;
  effect: PositionEffect;
  strategy: string;
  reason: string;
}

export interface ExecutionEngine {
  /** Executes a market order against the current bar; returns its fills (none if it cannot fill). */
  execute(order: OrderRequest, bar: Bar): Fill[];
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
