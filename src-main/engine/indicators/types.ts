/**
 * What every indicator shares. Convention (docs/INDICATORS.md): `update(...)` returns the new primary value,
 * and every output of an indicator is NaN until `ready`; from then on outputs are finite numbers. A
 * composite (ADX over DMI) exposes its component, which has its own `ready`.
 */
export interface Indicator {
  /** True once the indicator has seen `warmUp` updates and its outputs are defined. */
  readonly ready: boolean;
  /** Updates needed before `ready` (TA-Lib's lookback + 1). */
  readonly warmUp: number;
  /** The latest primary value; NaN until `ready`. */
  readonly value: number;
}
