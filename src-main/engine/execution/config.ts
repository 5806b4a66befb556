/** Coefficients of the slippage model; every component is a fraction of price (docs/EXECUTION.md). */
export interface SlippageConfig {
  /** Constant part (0.0002 = 2 bps), scaled by the time-of-day spread multiplier. */
  base: number;
  /** k in k × √(fill qty / bar volume): the order's own price pressure (square-root law). */
  sizeImpact: number;
  /** k in k × σ, σ the bar's range over its open × the time-of-day volatility multiplier. */
  volatilityImpact: number;
  /** k in k × (our quantity executed on the instrument in this bar, this fill included) / bar volume. */
  marketImpact: number;
  /** The sum is scaled by a seeded factor uniform in [randomMin, randomMax). */
  randomMin: number;
  randomMax: number;
}

/** The simulated order book of book-level execution (docs/EXECUTION.md, "Order book"). */
export interface BookConfig {
  /** Price levels per side. */
  levels: number;
  /** Spread at zero volatility and average liquidity, as a fraction of the mid. */
  baseSpread: number;
  /** Spread added per unit of σ (σ as in SlippageConfig.volatilityImpact). */
  spreadVolatility: number;
  /** Distance between adjacent levels as a multiple of the spread. */
  levelSpacing: number;
  /** Depth of each side as a share of the bar's volume, before the volatility thinning. */
  depthShare: number;
  /** σ at which the depth is halved and the liquidity score loses a third of its volume term. */
  referenceVolatility: number;
  /** How far order-flow imbalance tilts the mid (in half-spreads) and the depth between sides; 0..1. */
  imbalanceTilt: number;
  /** α of the EWMA of order-flow imbalance (weight of the previous value). */
  imbalanceSmoothing: number;
  /** α of the EWMA of bar volume the liquidity score compares each bar against. */
  volumeSmoothing: number;
}

export interface ExecutionConfig {
  /** `bar`: fills from OHLCV with the slippage formula; `book`: orders walk a simulated 10-level book. */
  mode: 'bar' | 'book';
  /** Our fills on an instrument in one bar may take at most this share of the bar's volume. */
  maxParticipation: number;
  /** Whether the UTC hour of a bar scales spread and volatility (docs/EXECUTION.md table). */
  timeOfDay: boolean;
  slippage: SlippageConfig;
  book: BookConfig;
}

const finiteAtLeast = (value: number, min: number): boolean => Number.isFinite(value) && value >= min;

/**
 * Checks an execution configuration (the settings schema checks the same for settings.yaml; this guards
 * callers that build one in code). Returns every problem as `field: message`; empty when valid.
 */
export function configProblems(config: ExecutionConfig): string[] {
  const problems: string[] = [];
  const need = (ok: boolean, field: string, message: string): void => {
    if (!ok) problems.push(`execution.${field}: ${message}`);
  };
  need(config.mode === 'bar' || config.mode === 'book', 'mode', 'expected one of: bar, book');
  need(
    Number.isFinite(config.maxParticipation) && config.maxParticipation > 0 && config.maxParticipation <= 1,
    'maxParticipation',
    'expected a number above 0 and at most 1',
  );
  const s = config.slippage;
  for (const key of ['base', 'sizeImpact', 'volatilityImpact', 'marketImpact', 'randomMin'] as const)
    need(finiteAtLeast(s[key], 0), `slippage.${key}`, 'expected a number ≥ 0');
  need(
    finiteAtLeast(s.randomMax, s.randomMin),
    'slippage.randomMax',
    'expected a number ≥ slippage.randomMin',
  );
  const b = config.book;
  need(
    Number.isInteger(b.levels) && b.levels >= 1 && b.levels <= 50,
    'book.levels',
    'expected a whole number from 1 to 50',
  );
  for (const key of ['baseSpread', 'spreadVolatility', 'levelSpacing'] as const)
    need(finiteAtLeast(b[key], 0), `book.${key}`, 'expected a number ≥ 0');
  for (const key of ['depthShare', 'referenceVolatility'] as const)
    need(Number.isFinite(b[key]) && b[key] > 0, `book.${key}`, 'expected a positive number');
  for (const key of ['imbalanceTilt', 'imbalanceSmoothing', 'volumeSmoothing'] as const)
    need(finiteAtLeast(b[key], 0) && b[key] <= 1, `book.${key}`, 'expected a number between 0 and 1');
  return problems;
}
