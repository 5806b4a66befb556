import { z } from 'zod';

/** Epoch milliseconds (UTC). Engine time, not wall time. */
export const EpochMs = z.number().int().nonnegative();

export const InstrumentIdSchema = z.string().min(1).max(64);
export type InstrumentId = z.infer<typeof InstrumentIdSchema>;

export const AssetClassSchema = z.enum([
  'crypto',
  'equity-index',
  'sector',
  'volatility-index',
  'equity',
  'prediction',
]);
export type AssetClass = z.infer<typeof AssetClassSchema>;

/** A tradable instrument on one venue. The same asset on two venues is two instruments with one symbol. */
export interface InstrumentSpec {
  /** Unique id, e.g. `BTC-USD@alpha`. */
  id: InstrumentId;
  /** The asset, shared across venues, e.g. `BTC-USD`. */
  symbol: string;
  venue: string;
  assetClass: AssetClass;
  /** Smallest tradable quantity step. */
  lotSize: number;
  /** Smallest price step. */
  tickSize: number;
  /** Commission rates of the venue as fractions of notional. */
  makerFee: number;
  takerFee: number;
  /** Perpetual-style crypto instruments carry funding and liquidations. */
  perpetual?: boolean;
  /** Prediction-market contracts: the domain they belong to and when they resolve (engine time). */
  prediction?: { domain: string; resolutionTime: number; question: string };
}

/** Extra fields a bar can carry for the instruments that have them. */
export interface BarExtras {
  /** Perpetual funding rate for the bar's period (fraction, longs pay shorts when positive). */
  fundingRate?: number;
  /** Notional of positions forcibly liquidated during the bar. */
  liquidations?: { longNotional: number; shortNotional: number };
  openInterest?: number;
  /** A prediction contract that resolved during this bar settles at 0 or 1. */
  settlement?: 0 | 1;
}

/** One OHLCV bar. `time` is the bar's close time in engine time. */
export interface Bar extends BarExtras {
  instrument: InstrumentId;
  time: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

/** Every bar that closed at one engine time: the unit the engine steps on. */
export interface MarketSlice {
  time: number;
  bars: Bar[];
}
