/**
 * The last ratio whose logarithm was taken and that logarithm. The validator (outlier check) and the
 * normaliser (`logReturn` feature) both take ln(close / previous close) of every accepted bar, one right
 * after the other; the second call finds the first one's result here instead of calling Math.log again
 * (the largest single cost of a bar after the rolling windows). A memo of a pure function: the answer is
 * the same with or without it, so sharing it across instances changes no output.
 */
const memo = new Float64Array([NaN, NaN]);

/**
 * Writes ln(ratio), exactly `Math.log(ratio)`, into out[index]: reused when the previous call had the same
 * ratio (`===`; ±0 share a logarithm, −∞, and NaN is never reused). Written into a typed array, not
 * returned, so the double is not boxed when the call is not inlined.
 */
export function logOfRatioInto(ratio: number, out: Float64Array, index: number): void {
  if (ratio !== memo[0]) {
    memo[0] = ratio;
    memo[1] = Math.log(ratio);
  }
  out[index] = memo[1]!;
}
