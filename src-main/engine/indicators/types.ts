/**
 * What every indicator shares. Convention (docs/INDICATORS.md): `update(...)` returns the new primary value,
 * and every output of an indicator is NaN until `ready`; from then on outputs are finite numbers. A
 * composite (ADX over DMI) exposes its component, which has its own `ready`.
 *
 * How the classes avoid per-update garbage in V8: a double passed to, or returned from, a call that V8
 * does not inline is boxed into a new heap number. So each `update` is a few bytes of bytecode (always
 * inlined): it stores its inputs in fields (an in-place write), calls a private `advance()` that takes no
 * arguments and returns nothing, and returns a field. Conditional getters avoid `ready ? x : NaN`, which
 * also makes V8 box x; they return fields instead.
 */
export interface Indicator {
  /** True once the indicator has seen `warmUp` updates and its outputs are defined. */
  readonly ready: boolean;
  /** Updates needed before `ready` (TA-Lib's lookback + 1). */
  readonly warmUp: number;
  /** The latest primary value; NaN until `ready`. */
  readonly value: number;
}
