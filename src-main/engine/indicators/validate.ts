/** Largest window any indicator accepts (TA-Lib's bound); a typed array of this size is 800 KB. */
export const MAX_PERIOD = 100_000;

/**
 * Checks a window length: a whole number from `min` to MAX_PERIOD. Throws a RangeError naming the indicator
 * and the parameter, e.g. `SMA period must be a whole number from 1 to 100000, got 0`.
 */
export function requirePeriod(indicator: string, parameter: string, value: number, min = 1): number {
  if (!Number.isInteger(value) || value < min || value > MAX_PERIOD) {
    throw new RangeError(
      `${indicator} ${parameter} must be a whole number from ${min} to ${MAX_PERIOD}, got ${String(value)}`,
    );
  }
  return value;
}

/** Checks a band multiplier: a finite number ≥ 0. Throws a RangeError naming the indicator and parameter. */
export function requireMultiplier(indicator: string, parameter: string, value: number): number {
  if (!Number.isFinite(value) || value < 0) {
    throw new RangeError(`${indicator} ${parameter} must be a finite number ≥ 0, got ${String(value)}`);
  }
  return value;
}

/**
 * The error an update throws for a NaN or infinite input (the data validator rejects such bars before they
 * reach a strategy, so this is a programming error; one NaN would otherwise poison a smoothed value for
 * good). Built only on the failure path.
 */
export function nonFiniteInput(label: string, field: string, value: number): RangeError {
  return new RangeError(`${label}: ${field} must be a finite number, got ${String(value)}`);
}
