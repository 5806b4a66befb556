/*
Parameters of the base strategies of group A: the settings sections `strategies.<id>` (docs/STRATEGIES.md
describes each one). Defaults:

strategies:
  statistical-arbitrage:
    enabled: true
    legA: BANK-A              # instrument ids of the pair; the spread is ln B − β·ln A
    legB: BANK-B
    hedgeRatio: rolling-ols   # rolling-ols: β fitted over the window each bar; fixed: β = fixedHedgeRatio
    fixedHedgeRatio: 1
    window: 120               # bars of the OLS fit and of the spread's z-score
    entryZ: 2                 # |z| above this opens the spread position (sell the rich leg, buy the cheap)
    exitZ: 0.5                # |z| below this closes it (hold on both legs)
  regime-detection:
    enabled: true
    assetClasses: [equity, equity-index, sector, crypto]
    adxPeriod: 14
    trendAdx: 25              # ADX at or above: trend regime
    rangeAdx: 20              # ADX at or below: range regime; in between the previous calm regime holds
    volShortWindow: 20        # bars of realised volatility (σ of log returns) ...
    volLongWindow: 200        # ... and of its baseline
    crisisVolRatio: 2         # short σ / long σ at or above: crisis
    crisisRangeZ: 3           # normalised bar-range z at or above: crisis (3 = the normaliser's clip)
    crisisCooldownBars: 10    # a crisis lasts this many bars after its last trigger
    fadeWindow: 20            # bars of the close's z-score used to fade extremes in the range regime
    fadeZ: 2
  mean-reversion:
    enabled: true
    assetClasses: [equity, equity-index, sector, crypto]
    period: 20                # bars of the close's rolling mean and σ
    entryZ: 2                 # buy below −entryZ, sell above +entryZ
    exitZ: 0.5                # a long closes once z ≥ −exitZ, a short once z ≤ +exitZ (hold)
  volatility-expansion:
    enabled: true
    assetClasses: [equity, equity-index, sector, crypto]
    measure: bollinger-width  # bollinger-width: (upper − lower) / middle; atr: ATR / close
    bollingerPeriod: 20
    atrPeriod: 14
    percentileWindow: 120     # bars over which the measure's percentile rank is taken
    squeezePercentile: 0.2    # rank at or below: a squeeze
    expansionMultiple: 2      # true range above this × the previous ATR: an expansion bar
    armedBars: 10             # an expansion counts within this many bars after a squeeze
    holdBars: 10              # bars the position is kept after the expansion bar
  breakout:
    enabled: true
    assetClasses: [equity, equity-index, sector, crypto]
    period: 20                # Donchian channel of the prior bars: entries
    exitPeriod: 10            # Donchian channel of the prior bars: exits (at most period)
    atrPeriod: 14
    minBreakoutAtr: 0         # the close must clear the channel by this many ATRs (0: no ATR filter)
  fibonacci:
    enabled: true
    assetClasses: [equity, equity-index, sector, crypto]
    swingLeft: 5              # a swing point beats this many bars before it ...
    swingRight: 5             # ... and this many after it (so it is confirmed this many bars later)
    tolerance: 0.02           # a level is touched within this share of the swing's range
  macd-momentum:
    enabled: true
    assetClasses: [equity, equity-index, sector, crypto]
    fastPeriod: 12
    slowPeriod: 26
    signalPeriod: 9
    confirmBars: 1            # the histogram must keep its new sign this many bars (1: the crossover bar)
    rangeWindow: 50           # bars of the histogram's recent range, for confidence
*/
import { z } from 'zod';
import { AssetClassSchema } from '../../../domain/market';
import { bool, fraction, nonNegative, oneOf, positive } from '../../fields';

/** The indicators' largest window (MAX_PERIOD in src-main/engine/indicators/validate.ts). */
export const MAX_WINDOW = 100_000;

const wholeFrom = (min: number) => {
  const message = `expected a whole number from ${min} to ${MAX_WINDOW}`;
  return z
    .number({ error: message })
    .int({ error: message })
    .min(min, { error: message })
    .max(MAX_WINDOW, { error: message });
};

const ASSET_CLASSES = AssetClassSchema.options;

/** The asset classes a strategy trades: a non-empty list without repeats. */
const assetClasses = () =>
  z
    .array(z.enum(AssetClassSchema.enum, { error: `expected one of: ${ASSET_CLASSES.join(', ')}` }), {
      error: `expected a list of asset classes (${ASSET_CLASSES.join(', ')})`,
    })
    .min(1, { error: 'list at least one asset class' })
    .refine((list) => new Set(list).size === list.length, { error: 'an asset class is listed twice' });

const instrumentId = () =>
  z
    .string({ error: 'expected an instrument id, e.g. BANK-A' })
    .min(1, { error: 'expected an instrument id, e.g. BANK-A' });

export const StatisticalArbitrageParamsSchema = z
  .strictObject({
    enabled: bool(),
    legA: instrumentId(),
    legB: instrumentId(),
    hedgeRatio: oneOf(['rolling-ols', 'fixed']),
    fixedHedgeRatio: positive(),
    window: wholeFrom(3),
    entryZ: positive(),
    exitZ: nonNegative(),
  })
  .refine((p) => p.legA !== p.legB, { error: 'legB must be another instrument than legA', path: ['legB'] })
  .refine((p) => p.exitZ < p.entryZ, { error: 'exitZ must be below entryZ', path: ['exitZ'] });

export const RegimeDetectionParamsSchema = z
  .strictObject({
    enabled: bool(),
    assetClasses: assetClasses(),
    adxPeriod: wholeFrom(2),
    trendAdx: positive().max(100, { error: 'expected a number from 0 to 100' }),
    rangeAdx: nonNegative().max(100, { error: 'expected a number from 0 to 100' }),
    volShortWindow: wholeFrom(2),
    volLongWindow: wholeFrom(3),
    crisisVolRatio: positive(),
    crisisRangeZ: positive(),
    crisisCooldownBars: wholeFrom(0),
    fadeWindow: wholeFrom(2),
    fadeZ: positive(),
  })
  .refine((p) => p.rangeAdx <= p.trendAdx, { error: 'rangeAdx must not exceed trendAdx', path: ['rangeAdx'] })
  .refine((p) => p.volShortWindow < p.volLongWindow, {
    error: 'volShortWindow must be shorter than volLongWindow',
    path: ['volShortWindow'],
  });

export const MeanReversionParamsSchema = z
  .strictObject({
    enabled: bool(),
    assetClasses: assetClasses(),
    period: wholeFrom(2),
    entryZ: positive(),
    exitZ: nonNegative(),
  })
  .refine((p) => p.exitZ < p.entryZ, { error: 'exitZ must be below entryZ', path: ['exitZ'] });

export const VolatilityExpansionParamsSchema = z.strictObject({
  enabled: bool(),
  assetClasses: assetClasses(),
  measure: oneOf(['bollinger-width', 'atr']),
  bollingerPeriod: wholeFrom(2),
  atrPeriod: wholeFrom(1),
  percentileWindow: wholeFrom(2),
  squeezePercentile: fraction(),
  expansionMultiple: positive(),
  armedBars: wholeFrom(1),
  holdBars: wholeFrom(1),
});

export const BreakoutParamsSchema = z
  .strictObject({
    enabled: bool(),
    assetClasses: assetClasses(),
    period: wholeFrom(1),
    exitPeriod: wholeFrom(1),
    atrPeriod: wholeFrom(1),
    minBreakoutAtr: nonNegative(),
  })
  .refine((p) => p.exitPeriod <= p.period, {
    error: 'exitPeriod must not exceed period',
    path: ['exitPeriod'],
  });

export const FibonacciParamsSchema = z.strictObject({
  enabled: bool(),
  assetClasses: assetClasses(),
  swingLeft: wholeFrom(1),
  swingRight: wholeFrom(1),
  // Below half the gap between two levels (0.118 / 2), so a low touches at most one level.
  tolerance: nonNegative().max(0.05, { error: 'expected a number from 0 to 0.05' }),
});

export const MacdMomentumParamsSchema = z
  .strictObject({
    enabled: bool(),
    assetClasses: assetClasses(),
    fastPeriod: wholeFrom(1),
    slowPeriod: wholeFrom(2),
    signalPeriod: wholeFrom(1),
    confirmBars: wholeFrom(1),
    rangeWindow: wholeFrom(1),
  })
  .refine((p) => p.fastPeriod < p.slowPeriod, {
    error: 'fastPeriod must be shorter than slowPeriod',
    path: ['fastPeriod'],
  });

/** Strategy id → its parameter schema (the section `strategies.<id>`). */
export const BASE_A_PARAM_SCHEMAS = {
  'statistical-arbitrage': StatisticalArbitrageParamsSchema,
  'regime-detection': RegimeDetectionParamsSchema,
  'mean-reversion': MeanReversionParamsSchema,
  'volatility-expansion': VolatilityExpansionParamsSchema,
  breakout: BreakoutParamsSchema,
  fibonacci: FibonacciParamsSchema,
  'macd-momentum': MacdMomentumParamsSchema,
} as const;
