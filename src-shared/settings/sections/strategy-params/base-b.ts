/*
Parameters of the base-b strategies: the settings sections `strategies.<id>`. Defaults (the lead wires them
into resources/default-settings.yaml; BASE_B_PARAM_DEFAULTS below holds the same values, and a test checks
that this YAML parses to exactly them):

strategies:
  rsi-divergence:
    enabled: true
    assetClasses: [crypto, equity-index, sector, equity]   # instruments it trades, by asset class
    rsiPeriod: 14              # Wilder RSI
    swingLeft: 3               # a swing low/high is lower/higher than the 3 bars before it
    swingRight: 3              # ... and the 3 bars after it (so it is confirmed 3 bars later)
    maxPivotGap: 60            # bars between the two swing points compared, at most
    minRsiGap: 2               # RSI points by which the second swing's RSI must beat the first's
    fullConfidenceRsiGap: 10   # an RSI gap of this many points gives the gap half of the confidence in full
    oversold: 30               # a first swing low with RSI at or below this gives the depth half in full
    overbought: 70             # a first swing high with RSI at or above this gives the depth half in full
    holdBars: 20               # a divergence's position is kept at most this many bars
  bollinger-bands:
    enabled: true
    assetClasses: [crypto, equity-index, sector, equity]
    period: 20                 # SMA and population σ window
    multiplier: 2              # bands at middle ± 2σ
    excursionAtFull: 1         # σ beyond the band (deepest close outside) for full confidence
  stochastic:
    enabled: true
    assetClasses: [crypto, equity-index, sector, equity]
    kPeriod: 14
    kSmoothing: 3
    dPeriod: 3
    oversold: 20               # %K crossing above %D with both below this: buy
    overbought: 80             # %K crossing below %D with both above this: sell
  ichimoku:
    enabled: true
    assetClasses: [crypto, equity-index, sector, equity]
    tenkanPeriod: 9
    kijunPeriod: 26
    senkouBPeriod: 52
    displacement: 26
  elliott-wave:
    enabled: true
    assetClasses: [crypto, equity-index, sector, equity]
    swingLeft: 5
    swingRight: 5
    wave2MinRetracement: 0.382 # wave 2 must retrace at least this share of wave 1 (and less than all of it)
    trade: both                # both | correction | continuation
    maxHoldBars: 60            # a wave trade is kept at most this many bars
  vix-hedge:
    enabled: true
    volatilitySymbol: SVIX     # symbol of the volatility index (asset class volatility-index)
    indexSymbol: SYN500        # symbol of the equity index it hedges (asset class equity-index)
    zWindow: 390               # bars in the z-scores of the level and of its log change (a session of minutes)
    spikeZ: 3                  # level z-score at or above this: spike
    changeSpikeZ: 5            # z-score of the one-bar log change at or above this: spike
    spikeLevel: 0              # level at or above this: spike (0: no level trigger)
    calmZ: 1                   # the hedge ends when the level z-score is below this (and the level below spikeLevel)
    hedgeWith: both            # both | short-index | long-volatility
  sector-rotation:
    enabled: true
    lookback: 60               # momentum = close / close 60 bars earlier − 1
    rebalanceBars: 30          # re-rank every 30 bars
    k: 1                       # buy the top k, sell (or hold) the bottom k
    bottomAction: sell         # sell | hold
    fullConfidenceZ: 1.5       # cross-sectional z of momentum for full confidence
*/
import { z } from 'zod';
import { bool, fraction, oneOf, positive, positiveInt } from '../../fields';
import { assetClasses, barWindow, finite, level, symbol, zone } from './base-b-fields';

/** `strategies.rsi-divergence` (docs/STRATEGIES.md). */
export const RsiDivergenceParamsSchema = z.strictObject({
  enabled: bool(),
  assetClasses: assetClasses(),
  rsiPeriod: barWindow(2),
  swingLeft: barWindow(),
  swingRight: barWindow(),
  maxPivotGap: barWindow(),
  minRsiGap: level(),
  fullConfidenceRsiGap: positive(),
  oversold: zone(0, 50, true, false),
  overbought: zone(50, 100, false, true),
  holdBars: barWindow(),
});

/** `strategies.bollinger-bands`. */
export const BollingerBandsParamsSchema = z.strictObject({
  enabled: bool(),
  assetClasses: assetClasses(),
  period: barWindow(2),
  multiplier: positive(),
  excursionAtFull: positive(),
});

/** `strategies.stochastic`: zones with 0 < oversold < overbought < 100. */
export const StochasticParamsSchema = z
  .strictObject({
    enabled: bool(),
    assetClasses: assetClasses(),
    kPeriod: barWindow(),
    kSmoothing: barWindow(),
    dPeriod: barWindow(),
    oversold: zone(0, 100, false, false),
    overbought: zone(0, 100, false, false),
  })
  .superRefine((p, ctx) => {
    // Only between levels that are valid on their own (their own message says the rest).
    if (p.oversold > 0 && p.overbought < 100 && p.oversold >= p.overbought)
      ctx.addIssue({
        code: 'custom',
        path: ['overbought'],
        message: `expected a level above oversold (${p.oversold})`,
      });
  });

/** `strategies.ichimoku`. */
export const IchimokuParamsSchema = z.strictObject({
  enabled: bool(),
  assetClasses: assetClasses(),
  tenkanPeriod: barWindow(),
  kijunPeriod: barWindow(),
  senkouBPeriod: barWindow(),
  displacement: barWindow(),
});

/** Which Elliott setups are traded. */
export const ELLIOTT_TRADES = ['both', 'correction', 'continuation'] as const;

/** `strategies.elliott-wave`. */
export const ElliottWaveParamsSchema = z.strictObject({
  enabled: bool(),
  assetClasses: assetClasses(),
  swingLeft: barWindow(),
  swingRight: barWindow(),
  wave2MinRetracement: fraction().refine((value) => value < 1, {
    error: 'expected a share of wave 1 below 1 (wave 2 never retraces all of wave 1)',
  }),
  trade: oneOf(ELLIOTT_TRADES),
  maxHoldBars: barWindow(),
});

/** Which legs the VIX hedge trades. */
export const HEDGE_LEGS = ['both', 'short-index', 'long-volatility'] as const;

/** `strategies.vix-hedge`: calmZ must be below spikeZ. */
export const VixHedgeParamsSchema = z
  .strictObject({
    enabled: bool(),
    volatilitySymbol: symbol(),
    indexSymbol: symbol(),
    zWindow: barWindow(2),
    spikeZ: positive(),
    changeSpikeZ: positive(),
    spikeLevel: z
      .number({ error: 'expected a level ≥ 0 (0: no level trigger)' })
      .refine((value) => Number.isFinite(value) && value >= 0, {
        error: 'expected a level ≥ 0 (0: no level trigger)',
      }),
    calmZ: finite(),
    hedgeWith: oneOf(HEDGE_LEGS),
  })
  .superRefine((p, ctx) => {
    if (p.spikeZ > 0 && Number.isFinite(p.spikeZ) && p.calmZ >= p.spikeZ)
      ctx.addIssue({
        code: 'custom',
        path: ['calmZ'],
        message: `expected a z-score below spikeZ (${p.spikeZ})`,
      });
  });

/** What sector rotation does with the bottom k. */
export const BOTTOM_ACTIONS = ['sell', 'hold'] as const;

/** `strategies.sector-rotation`. */
export const SectorRotationParamsSchema = z.strictObject({
  enabled: bool(),
  lookback: barWindow(),
  rebalanceBars: barWindow(),
  k: positiveInt().max(100, { error: 'expected a whole number from 1 to 100' }),
  bottomAction: oneOf(BOTTOM_ACTIONS),
  fullConfidenceZ: positive(),
});

/** Each base-b strategy id → the schema of its settings section `strategies.<id>`. */
export const BASE_B_PARAM_SCHEMAS = {
  'rsi-divergence': RsiDivergenceParamsSchema,
  'bollinger-bands': BollingerBandsParamsSchema,
  stochastic: StochasticParamsSchema,
  ichimoku: IchimokuParamsSchema,
  'elliott-wave': ElliottWaveParamsSchema,
  'vix-hedge': VixHedgeParamsSchema,
  'sector-rotation': SectorRotationParamsSchema,
} as const;

type Defaults = { [Id in keyof typeof BASE_B_PARAM_SCHEMAS]: z.output<(typeof BASE_B_PARAM_SCHEMAS)[Id]> };

const TRADED: z.output<typeof RsiDivergenceParamsSchema>['assetClasses'] = [
  'crypto',
  'equity-index',
  'sector',
  'equity',
];

/** The defaults of the YAML above, as values (for tests, benchmarks and the lead's wiring check). */
export const BASE_B_PARAM_DEFAULTS: Defaults = {
  'rsi-divergence': {
    enabled: true,
    assetClasses: [...TRADED],
    rsiPeriod: 14,
    swingLeft: 3,
    swingRight: 3,
    maxPivotGap: 60,
    minRsiGap: 2,
    fullConfidenceRsiGap: 10,
    oversold: 30,
    overbought: 70,
    holdBars: 20,
  },
  'bollinger-bands': {
    enabled: true,
    assetClasses: [...TRADED],
    period: 20,
    multiplier: 2,
    excursionAtFull: 1,
  },
  stochastic: {
    enabled: true,
    assetClasses: [...TRADED],
    kPeriod: 14,
    kSmoothing: 3,
    dPeriod: 3,
    oversold: 20,
    overbought: 80,
  },
  ichimoku: {
    enabled: true,
    assetClasses: [...TRADED],
    tenkanPeriod: 9,
    kijunPeriod: 26,
    senkouBPeriod: 52,
    displacement: 26,
  },
  'elliott-wave': {
    enabled: true,
    assetClasses: [...TRADED],
    swingLeft: 5,
    swingRight: 5,
    wave2MinRetracement: 0.382,
    trade: 'both',
    maxHoldBars: 60,
  },
  'vix-hedge': {
    enabled: true,
    volatilitySymbol: 'SVIX',
    indexSymbol: 'SYN500',
    zWindow: 390,
    spikeZ: 3,
    changeSpikeZ: 5,
    spikeLevel: 0,
    calmZ: 1,
    hedgeWith: 'both',
  },
  'sector-rotation': {
    enabled: true,
    lookback: 60,
    rebalanceBars: 30,
    k: 1,
    bottomAction: 'sell',
    fullConfidenceZ: 1.5,
  },
};
