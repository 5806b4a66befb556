// The `data` section of settings.yaml: validation, normalisation, CSV import and the liquidation-cascade
// detector. Defaults (the lead wires them into resources/default-settings.yaml):
//
// data:
//   validation:
//     outlierZ: 5                  # |z| of a log return against the previous returns that is an outlier
//     outlierWindow: 100           # returns in that window
//     outlierMinObservations: 20   # returns needed before outliers are judged
//     minQuality: 0.95             # a file is usable when this share of its rows has no error
//     maxIssuesPerFile: 200        # issues listed per file by `botv2 data check` (all are counted)
//   normalization:
//     method: zscore
//     window: 252                  # observations in the rolling window
//     clip: 3                      # z is clipped to ±clip
//     minObservations: 20          # below this, z is not given (the normaliser warms up)
//   csv:
//     adjust: none                 # none: prices as traded; adjclose: scale OHLC by adjclose / close
//   liquidationCascade:
//     baselineWindow: 96           # bars in the baselines of liquidations and of returns
//     velocityWindow: 3            # bars over which price velocity and order-flow imbalance are measured
//     minObservations: 20          # bars before an instrument is assessed
//     liquidationZAtMax: 4         # liquidation z-score at which that component is full
//     velocityAtMax: 4             # price velocity, in baseline σ, at which that component is full
//     imbalanceFloor: 0.3          # |order-flow imbalance| below this counts as balanced
//     elevatedThreshold: 0.4       # score from which the risk is elevated (high: risk.liquidationCascade.highRiskThreshold)
//     weights:
//       liquidations: 0.5
//       velocity: 0.3
//       imbalance: 0.2
import { z } from 'zod';
import { fraction, nonNegative, oneOf, positive, positiveInt } from '../fields';

const validation = z
  .strictObject({
    /** |z| of a log return against the previous `outlierWindow` returns above which a bar is an outlier. */
    outlierZ: positive(),
    outlierWindow: positiveInt(),
    /** Returns in the window before outliers are judged. */
    outlierMinObservations: positiveInt(),
    /** A file is usable when at least this share of its rows is free of errors. */
    minQuality: fraction(),
    /** Issues listed per file in a data check report; every issue is counted. */
    maxIssuesPerFile: positiveInt(),
  })
  .refine((v) => v.outlierMinObservations <= v.outlierWindow, {
    error: 'outlierMinObservations must not exceed outlierWindow',
    path: ['outlierMinObservations'],
  });

const normalization = z
  .strictObject({
    method: oneOf(['zscore']),
    /** Observations in the rolling window (the specification: 252). */
    window: positiveInt(),
    /** z is clipped to [−clip, clip] (the specification: 3). */
    clip: positive(),
    /** Below this many observations the normaliser gives no z (it warms up); at least 2. */
    minObservations: positiveInt().refine((n) => n >= 2, { error: 'expected a whole number ≥ 2' }),
  })
  .refine((n) => n.minObservations <= n.window, {
    error: 'minObservations must not exceed window',
    path: ['minObservations'],
  });

const csv = z.strictObject({
  /** `none`: prices as traded; `adjclose`: open/high/low/close scaled by adjclose / close (Yahoo files). */
  adjust: oneOf(['none', 'adjclose']),
});

const liquidationCascade = z
  .strictObject({
    /** Bars in the rolling baselines of liquidation notional and of 1-bar log returns. */
    baselineWindow: positiveInt(),
    /** Bars over which price velocity and order-flow imbalance are measured. */
    velocityWindow: positiveInt(),
    /** Bars an instrument needs before it is assessed. */
    minObservations: positiveInt(),
    /** z-score of liquidation notional at which that component is full. */
    liquidationZAtMax: positive(),
    /** Price velocity, in baseline σ, at which that component is full (1 σ counts as nothing). */
    velocityAtMax: positive().refine((v) => v > 1, { error: 'expected a number above 1' }),
    /** |Order-flow imbalance| below this counts as balanced. */
    imbalanceFloor: fraction().refine((v) => v < 1, {
      error: 'expected a number from 0 up to (not including) 1',
    }),
    /** Score (0–1) from which the cascade risk is elevated; high is risk.liquidationCascade.highRiskThreshold. */
    elevatedThreshold: fraction(),
    weights: z
      .strictObject({ liquidations: nonNegative(), velocity: nonNegative(), imbalance: nonNegative() })
      .refine((w) => w.liquidations + w.velocity + w.imbalance > 0, {
        error: 'at least one weight must be above 0',
      }),
  })
  .refine((c) => c.minObservations <= c.baselineWindow, {
    error: 'minObservations must not exceed baselineWindow',
    path: ['minObservations'],
  });

/** The `data` section. The lead adds a root-level check: elevatedThreshold < risk.liquidationCascade.highRiskThreshold. */
export const DataSectionSchema = z.strictObject({ validation, normalization, csv, liquidationCascade });

export type DataSettings = z.infer<typeof DataSectionSchema>;

/** The defaults above, as data (the same values as the YAML). */
export const DATA_DEFAULTS: DataSettings = {
  validation: {
    outlierZ: 5,
    outlierWindow: 100,
    outlierMinObservations: 20,
    minQuality: 0.95,
    maxIssuesPerFile: 200,
  },
  normalization: { method: 'zscore', window: 252, clip: 3, minObservations: 20 },
  csv: { adjust: 'none' },
  liquidationCascade: {
    baselineWindow: 96,
    velocityWindow: 3,
    minObservations: 20,
    liquidationZAtMax: 4,
    velocityAtMax: 4,
    imbalanceFloor: 0.3,
    elevatedThreshold: 0.4,
    weights: { liquidations: 0.5, velocity: 0.3, imbalance: 0.2 },
  },
};
