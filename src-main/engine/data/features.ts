import type { Bar } from '../../../src-shared/domain/market';
import type { LogOfRatioMemo } from './log-of-ratio';

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
export type FeatureValues = Readonly<Record<FeatureName, number>>;

/** Index of each feature in a FeatureVector's values. */
export const FEATURE_INDEX: Readonly<Record<FeatureName, number>> = {
  return: 0,
  logReturn: 1,
  range: 2,
  logVolume: 3,
  gap: 4,
};

/**
 * The five feature values, read by name (`v.logReturn`) or index. They live in a Float64Array so that
 * updating them on every bar stores plain doubles and allocates nothing.
 */
export class FeatureVector implements FeatureValues {
  readonly values = new Float64Array(FEATURE_NAMES.length).fill(NaN);
  get return(): number {
    return this.values[0]!;
  }
  get logReturn(): number {
    return this.values[1]!;
  }
  get range(): number {
    return this.values[2]!;
  }
  get logVolume(): number {
    return this.values[3]!;
  }
  get gap(): number {
    return this.values[4]!;
  }
}

/**
 * Writes the raw features of a bar into `out` (no allocation); `previousClose` is NaN when there is none.
 * The log return goes through `logMemo`, which the validator has usually just asked for the same ratio.
 */
export function computeFeatures(
  bar: Bar,
  previousClose: number,
  out: Float64Array,
  logMemo: LogOfRatioMemo,
): void {
  const ratio = bar.close / previousClose;
  out[0] = ratio - 1;
  logMemo.into(ratio, out, 1);
  out[2] = (bar.high - bar.low) / bar.close;
  out[3] = Math.log1p(bar.volume);
  out[4] = bar.open / previousClose - 1;
}
