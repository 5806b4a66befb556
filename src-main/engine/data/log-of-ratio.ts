/**
 * ln(ratio) with a memo of the last ratio taken. The validator (outlier check) and the normaliser
 * (`logReturn` feature) both take ln(close / previous close) of every accepted bar, one right after the
 * other: given one shared memo, the second call finds the first one's result instead of calling Math.log
 * again (the largest single cost of a bar after the rolling windows). The memo holds a pure function's
 * last answer, so results are the same with or without it.
 */
export class LogOfRatioMemo {
  private ratio = NaN;
  private log = NaN;

  /**
   * Writes ln(ratio), exactly `Math.log(ratio)`, into out[index]: reused when the previous call had the same
   * ratio (`===`; ±0 share a logarithm, −∞, and NaN is never reused). Written into a typed array, not
   * returned, so the double is not boxed when the call is not inlined.
   */
  into(ratio: number, out: Float64Array, index: number): void {
    if (ratio !== this.ratio) {
      this.ratio = ratio;
      this.log = Math.log(ratio);
    }
    out[index] = this.log;
  }
}
