import { z } from 'zod';
import { bool, fraction, nonNegative, oneOf, positive, positiveInt } from '../fields';

// The `execution` section of settings.yaml (docs/EXECUTION.md explains every field). Defaults:
//
// execution:
//   mode: bar                   # bar: fills from OHLCV bars; book: orders walk a simulated 10-level book
//   maxParticipation: 0.1       # our fills take at most 10 % of a bar's volume per instrument
//   timeOfDay: true             # UTC hour scales spread and volatility (exchange-traded classes only)
//   slippage:                   # (base + size + volatility + market impact) × uniform(randomMin, randomMax)
//     base: 0.0002              # 2 bps, × the time-of-day spread multiplier
//     sizeImpact: 0.001         # × √(fill qty / bar volume)
//     volatilityImpact: 0.05    # × σ, σ = (high − low) / open × time-of-day volatility multiplier
//     marketImpact: 0.01        # × (our qty executed on the instrument in the bar) / bar volume
//     randomMin: 0.8
//     randomMax: 1.2
//   book:
//     levels: 10
//     baseSpread: 0.0002        # spread at zero volatility, before the liquidity scaling
//     spreadVolatility: 0.1     # spread added per unit of σ
//     levelSpacing: 0.5         # distance between levels, in spreads
//     depthShare: 0.2           # depth of each side as a share of the bar's volume (before thinning by σ)
//     referenceVolatility: 0.002
//     imbalanceTilt: 0.5        # how far order-flow imbalance moves the mid (half-spreads) and the depth
//     imbalanceSmoothing: 0.9   # EWMA weight of the previous imbalance
//     volumeSmoothing: 0.95     # EWMA weight of the previous average volume
//
// Commission rates are the venue's: InstrumentSpec.makerFee / takerFee of each instrument.

const participation = () =>
  z
    .number({ error: 'expected a number above 0 and at most 1' })
    .refine((value) => Number.isFinite(value) && value > 0 && value <= 1, {
      error: 'expected a number above 0 and at most 1',
    });

const slippage = z
  .strictObject({
    /** Constant slippage as a fraction of price (0.0002 = 2 bps). */
    base: nonNegative(),
    sizeImpact: nonNegative(),
    volatilityImpact: nonNegative(),
    marketImpact: nonNegative(),
    /** Bounds of the seeded random factor the slippage is multiplied by. */
    randomMin: nonNegative(),
    randomMax: nonNegative(),
  })
  .refine((s) => s.randomMin <= s.randomMax, {
    error: 'randomMin must not exceed randomMax',
    path: ['randomMin'],
  });

const book = z.strictObject({
  levels: positiveInt().refine((value) => value <= 50, { error: 'expected a whole number from 1 to 50' }),
  baseSpread: nonNegative(),
  spreadVolatility: nonNegative(),
  levelSpacing: nonNegative(),
  depthShare: positive(),
  referenceVolatility: positive(),
  imbalanceTilt: fraction(),
  imbalanceSmoothing: fraction(),
  volumeSmoothing: fraction(),
});

/** Schema of the `execution` section. Its output is the engine's ExecutionConfig. */
export const ExecutionSectionSchema = z.strictObject({
  mode: oneOf(['bar', 'book']),
  maxParticipation: participation(),
  timeOfDay: bool(),
  slippage,
  book,
});

export type ExecutionSection = z.infer<typeof ExecutionSectionSchema>;

/** The defaults above, as a value (the lead's settings.yaml carries the same). */
export const EXECUTION_DEFAULTS: ExecutionSection = {
  mode: 'bar',
  maxParticipation: 0.1,
  timeOfDay: true,
  slippage: {
    base: 0.0002,
    sizeImpact: 0.001,
    volatilityImpact: 0.05,
    marketImpact: 0.01,
    randomMin: 0.8,
    randomMax: 1.2,
  },
  book: {
    levels: 10,
    baseSpread: 0.0002,
    spreadVolatility: 0.1,
    levelSpacing: 0.5,
    depthShare: 0.2,
    referenceVolatility: 0.002,
    imbalanceTilt: 0.5,
    imbalanceSmoothing: 0.9,
    volumeSmoothing: 0.95,
  },
};
