import type { Bar } from '../../../src-shared/domain/market';

/**
 * The per-bar features the strategies read, raw and normalised:
 * - `return`: close / previous close − 1;
 * - `logReturn`: ln(close / previous close);
 * - `range`: (high − low) / close, the bar's range relative to its price;
 * - `logVolume`: ln(1 + volume), so heavy-tailed volume is comparable across instruments;
 * - `gap`: open / previous close − 1, the jump between bars (overnight for daily equity data).
 * The ones that need a previous close are NaN on an instrument's first bar.
 */
export const FEATURE_NAMES = ['return', 'logReturn', 'range', 'logVolume', 'gap'] as const;
export type FeatureName = (typeof FEATURE_NAMES)[number];
export type FeatureValues = Record<FeatureName, number>;

/** A feature record with every value NaN. */
export function emptyFeatures(): FeatureValues {
  return { return: NaN, logReturn: NaN, range: NaN, logVolume: NaN, gap: NaN };
}

/** Writes the raw features of a bar into `out` (no allocation); `previousClose` is NaN when there is none. */
export function computeFeatures(bar: Bar, previousClose: number, out: FeatureValues): void {
  const ratio = bar.close / previousClose;
  out.return = ratio - 1;
  out.logReturn = Math.log(ratio);
  out.range = (bar.high - bar.low) / bar.close;
  out.logVolume = Math.log1p(bar.volume);
  out.gap = bar.open / previousClose - 1;
}
