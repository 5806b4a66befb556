/**
 * The last ratio whose logarithm was taken and that logarithm. The validator (outlier check) and the
 * normaliser (`logReturn` feature) both take ln(close / previous close) of every accepted bar, one right
 * after the other; the second call finds the first one's result here instead of calling Math.log again
 * (the largest single cost of a bar after the rolling windows). A memo of a pure function: the answer is
 * the same with or without it, so sharing it across instances changes no output.
 */
const memo = new Float64Array([NaN, NaN]);

/**
 * ln(ratio), exactly `Math.log(ratio)`: reused when the previous call had the same ratio (`===`; ±0 share
 * a logarithm, −∞, and NaN is never reused).
 */
export function logOfRatio(ratio: number): number {
  if (ratio === memo[0]) return memo[1]!;
  const value = Math.log(ratio);
  memo[0] = ratio;
  memo[1] = value;
  return value;
}
