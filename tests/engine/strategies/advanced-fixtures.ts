import type { Bar, InstrumentSpec, MarketSlice } from '../../../src-shared/domain/market';
import type { CascadeAssessment } from '../../../src-main/engine/data/liquidation-cascade';
import type { StrategyDecision } from '../../../src-main/engine/ports';
import type { SyntheticMarket } from '../../../src-main/feeds/synthetic-market';

// Instrument specs, bars and helpers shared by the advanced strategies' tests.

export const HOUR_MS = 3_600_000;

/** A perpetual crypto instrument `<symbol>@<venue>`. */
export function cryptoSpec(
  symbol: string,
  venue: string,
  takerFee = 0.0005,
  makerFee = 0.0002,
): InstrumentSpec {
  return {
    id: `${symbol}@${venue}`,
    symbol,
    venue,
    assetClass: 'crypto',
    lotSize: 0.001,
    tickSize: 0.01,
    makerFee,
    takerFee,
    perpetual: true,
  };
}

/** A binary prediction contract of a domain resolving at `resolutionTime`. */
export function contractSpec(
  id: string,
  domain: string,
  resolutionTime: number,
  takerFee = 0.002,
): InstrumentSpec {
  return {
    id,
    symbol: id,
    venue: 'oracle',
    assetClass: 'prediction',
    lotSize: 1,
    tickSize: 0.001,
    makerFee: 0,
    takerFee,
    prediction: { domain, resolutionTime, question: `${id}?` },
  };
}

/** A bar with every OHLC field given. */
export function ohlcBar(
  instrument: string,
  time: number,
  open: number,
  high: number,
  low: number,
  close: number,
  volume = 10,
): Bar {
  return { instrument, time, open, high, low, close, volume };
}

/** A flat bar carrying liquidations (long and short notional) and the open interest after them. */
export function liquidationBar(
  instrument: string,
  time: number,
  close: number,
  longNotional: number,
  shortNotional: number,
  openInterest: number,
): Bar {
  return {
    instrument,
    time,
    open: close,
    high: close,
    low: close,
    close,
    volume: 1,
    liquidations: { longNotional, shortNotional },
    openInterest,
  };
}

/** A cascade assessment with the given score (past warm-up unless told). */
export function cascadeOf(instrument: string, score: number, warmingUp = false): CascadeAssessment {
  return {
    instrument,
    time: 0,
    score,
    level: score >= 0.6 ? 'high' : score >= 0.4 ? 'elevated' : 'low',
    enteredHigh: false,
    warmingUp,
    liquidations: NaN,
    velocity: NaN,
    imbalance: NaN,
  };
}

/** Every slice of a synthetic market. */
export function slicesOf(market: SyntheticMarket): MarketSlice[] {
  const slices: MarketSlice[] = [];
  for (let slice = market.next(); slice; slice = market.next()) slices.push(slice);
  return slices;
}

/** The buy and sell signals of a run's decisions, as `instrument` → count. */
export function tradesByInstrument(decisions: readonly StrategyDecision[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const d of decisions)
    for (const s of d.signals)
      if (s.action !== 'hold') counts.set(s.instrument, (counts.get(s.instrument) ?? 0) + 1);
  return counts;
}

/** Multiplies the first bar's prices of a slice by `factor` (a different future that moves spreads too). */
export function scaleFirstBar(slice: MarketSlice, factor: number): MarketSlice {
  return {
    time: slice.time,
    bars: slice.bars.map((b, i) =>
      i === 0
        ? { ...b, open: b.open * factor, high: b.high * factor, low: b.low * factor, close: b.close * factor }
        : b,
    ),
  };
}
