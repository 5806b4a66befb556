import type { PositionEffect, Side } from '../../../src-shared/domain/trading';

/** Equity sampled at increasing engine times (epoch ms): `values[i]` is the equity at `times[i]`. */
export interface EquitySeries {
  times: ArrayLike<number>;
  values: ArrayLike<number>;
}

/** A fill as the round-trip builder needs it (a Trade or a TradeRecord fits). */
export interface TradeFill {
  time: number;
  instrument: string;
  side: Side;
  qty: number;
  price: number;
  commission: number;
  strategy: string;
  /** The portfolio's view of what the fill did; checked against the builder's own when present. */
  effect?: PositionEffect;
}

/** A closed round trip: a quantity opened and closed again. */
export interface RoundTrip {
  instrument: string;
  side: 'long' | 'short';
  qty: number;
  /** When the position this quantity belonged to was opened. */
  entryTime: number;
  exitTime: number;
  /** Average cost of the position when this quantity was closed. */
  entryPrice: number;
  exitPrice: number;
  /** Price P&L before commission: qty × (exit − entry), sign flipped for a short. */
  pnl: number;
  /** Commission of the closing fill's share plus the entry fills' share of this quantity. */
  commission: number;
  /** The strategy whose fill opened the position (per-strategy attribution goes by it). */
  strategy: string;
  /** The strategy whose fill closed this quantity. */
  exitStrategy: string;
}

/** A position still open at the end of the fills. */
export interface OpenPosition {
  instrument: string;
  side: 'long' | 'short';
  qty: number;
  entryTime: number;
  entryPrice: number;
  /** Entry commission not yet assigned to a round trip. */
  commission: number;
  strategy: string;
}

/** Net P&L of a round trip: price P&L less commission. */
export function netPnl(trip: RoundTrip): number {
  return trip.pnl - trip.commission;
}
