import type { Rng } from '../rng';
import type { SlippageConfig } from './config';

/** The parts of one taker fill's slippage, each a fraction of price (reused between fills: no allocation). */
export interface SlippageBreakdown {
  base: number;
  size: number;
  volatility: number;
  market: number;
  /** The seeded random factor the sum is scaled by. */
  factor: number;
  /** (base + size + volatility + market) × factor. */
  total: number;
}

/** What the slippage of one fill depends on. */
export interface SlippageInputs {
  /** Quantity of this fill. */
  qty: number;
  /** The bar's traded volume. */
  volume: number;
  /** Our quantity executed on the instrument in this bar so far, this fill included. */
  executedInBar: number;
  /** The bar's volatility: (high − low) / open × the time-of-day volatility multiplier. */
  sigma: number;
  /** Time-of-day spread multiplier (1 when the effect is off). */
  spreadMultiplier: number;
}

/** A fresh breakdown to reuse. */
export function emptyBreakdown(): SlippageBreakdown {
  return { base: 0, size: 0, volatility: 0, market: 0, factor: 1, total: 0 };
}

/**
 * The spec's slippage model, `(base + size impact + volatility impact + market impact) × random factor`:
 * - base = base × spread multiplier (the half-spread a taker crosses, wider at quiet hours);
 * - size = sizeImpact × √(qty / volume), the square-root law of an order's impact in its share of the
 *   traded volume (Almgren et al. 2005, "Direct estimation of equity market impact");
 * - volatility = volatilityImpact × σ;
 * - market = marketImpact × executedInBar / volume: every fill we take in the bar moves the market further
 *   for the next one (several strategies trading one instrument compound);
 * - factor = rng.uniform(randomMin, randomMax), one draw per fill.
 * Writes into `out` and returns it.
 */
export function computeSlippage(
  config: SlippageConfig,
  inputs: SlippageInputs,
  rng: Rng,
  out: SlippageBreakdown,
): SlippageBreakdown {
  const { qty, volume, executedInBar, sigma, spreadMultiplier } = inputs;
  out.base = config.base * spreadMultiplier;
  out.size = volume > 0 ? config.sizeImpact * Math.sqrt(qty / volume) : 0;
  out.volatility = config.volatilityImpact * sigma;
  out.market = volume > 0 ? (config.marketImpact * executedInBar) / volume : 0;
  out.factor = rng.uniform(config.randomMin, config.randomMax);
  out.total = (out.base + out.size + out.volatility + out.market) * out.factor;
  return out;
}
