import { z } from 'zod';
import { fraction, oneOf, positive, positiveInt } from '../fields';

// The `ensemble` section of settings.yaml and the sizing keys under `risk` (docs/RISK.md explains them).
// Defaults:
//
// ensemble:
//   allocation:
//     sharpeWindow: 1440          # per-bar returns each Sharpe ratio is measured over (a day of 1-min bars)
//     smoothingAlpha: 0.9         # smoothed = α · previous + (1 − α) · current
//     minWeight: 0.01             # 1 %; with more than 1/minWeight strategies every weight becomes 1/n
//     maxWeight: 0.25             # 25 %; with fewer than 1/maxWeight strategies every weight becomes 1/n
//     rebalanceIntervalHours: 24  # engine time between rebalances; weights are equal until the first
//   correlation:
//     windowMinutes: 60           # rolling window of signal returns, engine time
//     method: pearson             # pearson | spearman
//     threshold: 0.7              # portfolio correlation above this lowers confidence
//     refreshMinutes: 60          # the cached matrix is recomputed this often
//     minSamples: 20              # returns in the window before a correlation counts (else 0)
//   voting:
//     method: weighted_average    # weighted_average | majority | blend
//
// risk:
//   kelly:
//     fraction: 0.25              # quarter Kelly
//     minTrades: 30               # below this many closed trades the estimate is shrunk by trades/minTrades
//     windowTrades: 200           # the estimate uses the last this many closed trades
//   exposure:
//     maxGrossFractionOfEquity: 1 # Σ |position value| ≤ 100 % of equity (no leverage)

const wholeAtLeast = (min: number) =>
  z
    .number({ error: `expected a whole number ≥ ${min}` })
    .int({ error: `expected a whole number ≥ ${min}` })
    .min(min, { error: `expected a whole number ≥ ${min}` });

const allocation = z
  .strictObject({
    /** Per-bar returns each strategy's Sharpe ratio is measured over. */
    sharpeWindow: wholeAtLeast(2),
    /** α in smoothed = α · previous + (1 − α) · current. */
    smoothingAlpha: fraction(),
    minWeight: fraction(),
    maxWeight: fraction(),
    rebalanceIntervalHours: positive(),
  })
  .refine((a) => a.minWeight <= a.maxWeight, {
    error: 'minWeight must not exceed maxWeight',
    path: ['minWeight'],
  });

const correlation = z.strictObject({
  windowMinutes: positive(),
  method: oneOf(['pearson', 'spearman']),
  threshold: fraction(),
  refreshMinutes: positive(),
  minSamples: wholeAtLeast(3),
});

export const EnsembleSettingsSchema = z.strictObject({
  allocation,
  correlation,
  voting: z.strictObject({ method: oneOf(['weighted_average', 'majority', 'blend']) }),
});
export type EnsembleSettings = z.infer<typeof EnsembleSettingsSchema>;

/** `risk.kelly`. */
export const KellySettingsSchema = z
  .strictObject({
    /** Share of full Kelly used (0.25 = quarter Kelly). */
    fraction: fraction(),
    /** Closed trades below which the Kelly estimate is shrunk toward zero in proportion. */
    minTrades: positiveInt(),
    /** Closed trades the estimate looks back over. */
    windowTrades: positiveInt(),
  })
  .refine((k) => k.minTrades <= k.windowTrades, {
    error: 'minTrades must not exceed windowTrades (the estimate could never reach full weight)',
    path: ['minTrades'],
  });
export type KellySettings = z.infer<typeof KellySettingsSchema>;

/** `risk.exposure`. */
export const ExposureSettingsSchema = z.strictObject({
  /** Largest Σ |position value| / equity after any order; above 1 is leverage. */
  maxGrossFractionOfEquity: positive(),
});
export type ExposureSettings = z.infer<typeof ExposureSettingsSchema>;

/**
 * The cross-section check the whole settings need (the bar interval lives under `market`): the correlation
 * window must hold at least `minSamples` bars. Returns the trader's message, or null when it fits.
 */
export function correlationWindowProblem(
  correlation: EnsembleSettings['correlation'],
  barIntervalSeconds: number,
): string | null {
  const bars = Math.round((correlation.windowMinutes * 60) / barIntervalSeconds);
  if (bars >= correlation.minSamples && bars >= 3) return null;
  return (
    `windowMinutes ${correlation.windowMinutes} holds ${bars} bars of ${barIntervalSeconds} s; ` +
    `it must hold at least minSamples (${correlation.minSamples})`
  );
}
