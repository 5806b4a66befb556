import type { AssetClass } from '../../../src-shared/domain/market';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

// Multipliers by UTC hour (index 0..23) for the exchange-traded asset classes: a U-shape over the US
// session (13:30–20:00 UTC in summer, 14:30–21:00 in winter; hours 13–20 cover both), wide spreads and
// quiet prices outside it. Intraday U-shapes of spread and volatility are a documented stylised fact
// (Admati & Pfleiderer 1988; McInish & Wood 1992); the figures are our calibration, listed in
// docs/EXECUTION.md.
// prettier-ignore
const SESSION_SPREAD = Float64Array.of(
  2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, // 00–12: outside the session
  1.6, 1.4, 1.1, 1, 0.9, 0.9, 1, 1.3,     // 13–20: open, morning, midday, close
  2, 2, 2,                                // 21–23
);
// prettier-ignore
const SESSION_VOLATILITY = Float64Array.of(
  0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6,
  1.6, 1.4, 1.1, 1, 0.85, 0.85, 1, 1.3,
  0.6, 0.6, 0.6,
);

/** Crypto and prediction markets trade around the clock: no time-of-day effect. */
export function isRoundTheClock(assetClass: AssetClass): boolean {
  return assetClass === 'crypto' || assetClass === 'prediction';
}

/** The UTC hour (0..23) of an engine time. */
export function utcHour(time: number): number {
  return Math.floor((((time % DAY_MS) + DAY_MS) % DAY_MS) / HOUR_MS);
}

/** Spread multiplier of an asset class at a UTC hour: the session table for exchange-traded classes, 1 for 24h markets. */
export function spreadMultiplier(assetClass: AssetClass, hour: number): number {
  return isRoundTheClock(assetClass) ? 1 : SESSION_SPREAD[hour]!;
}

/** Volatility multiplier of an asset class at a UTC hour (same rule as spreadMultiplier). */
export function volatilityMultiplier(assetClass: AssetClass, hour: number): number {
  return isRoundTheClock(assetClass) ? 1 : SESSION_VOLATILITY[hour]!;
}

/**
 * Bars closer together than this are intraday and get the time-of-day effect; longer bars (daily and up)
 * span the whole session, so their multiplier is 1.
 */
export const INTRADAY_MAX_INTERVAL_MS = 12 * HOUR_MS;
