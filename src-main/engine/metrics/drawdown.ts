import type { EquitySeries } from './types';

/** The deepest fall of equity from a running peak, and how long it lasted. */
export interface MaxDrawdown {
  /** (peak − trough) / peak; 0 when equity never fell below a previous peak. */
  depth: number;
  /** Times of the peak before the trough, the trough, and the first sample back at or above the peak. */
  peakTime: number | null;
  troughTime: number | null;
  recoveryTime: number | null;
  /** From the peak to the recovery, or to the last sample when equity has not recovered; 0 without a drawdown. */
  durationMs: number;
}

/**
 * Maximum drawdown over a series: the largest (peak − value) / peak with peak the running maximum (the
 * first, if several are equally deep), with its duration from the peak (the last sample at the peak value
 * before the fall) to the recovery (the first sample back at or above it) or to the end.
 */
export function maxDrawdown(series: EquitySeries): MaxDrawdown {
  const { times, values } = series;
  let peak = values[0]!;
  let peakAt = 0;
  let depth = 0;
  let worstPeakAt = -1;
  let troughAt = -1;
  for (let i = 1; i < values.length; i++) {
    const value = values[i]!;
    if (value >= peak) {
      peak = value;
      peakAt = i;
    } else if (peak > 0 && (peak - value) / peak > depth) {
      depth = (peak - value) / peak;
      worstPeakAt = peakAt;
      troughAt = i;
    }
  }
  if (troughAt < 0) return { depth: 0, peakTime: null, troughTime: null, recoveryTime: null, durationMs: 0 };
  const peakValue = values[worstPeakAt]!;
  let recoveryAt = -1;
  for (let i = troughAt + 1; i < values.length; i++) {
    if (values[i]! >= peakValue) {
      recoveryAt = i;
      break;
    }
  }
  const peakTime = times[worstPeakAt]!;
  const recoveryTime = recoveryAt < 0 ? null : times[recoveryAt]!;
  return {
    depth,
    peakTime,
    troughTime: times[troughAt]!,
    recoveryTime,
    durationMs: (recoveryTime ?? times[times.length - 1]!) - peakTime,
  };
}

/** Calmar ratio: CAGR / maximum drawdown; null without a drawdown or a CAGR, or when the quotient overflows. */
export function calmar(cagrValue: number | null, drawdown: number): number | null {
  if (cagrValue === null || !(drawdown > 0)) return null;
  const ratio = cagrValue / drawdown;
  return Number.isFinite(ratio) ? ratio : null;
}
