import { RingBuffer } from './ring-buffer';

/**
 * Mean and sum of squared deviations (M2) of the last `period` values, O(1) per push.
 *
 * Method: Welford's update, extended to a sliding window. Adding x to n values: μ' = μ + (x − μ)/n',
 * M2' = M2 + (x − μ)(x − μ'). Replacing the evicted y by x at fixed n: μ' = μ + (x − y)/n,
 * M2' = M2 + (x − y)(x − μ' + y − μ). Both work on deviations from the mean, so unlike Σx² − (Σx)²/n they
 * do not cancel catastrophically when the mean is large against σ (prices near 50 000 with σ near 10).
 * Sliding updates still let rounding error drift over a long series, so a second, add-only Welford
 * accumulator restarts every `period` pushes; when it has seen exactly the current window it replaces the
 * sliding state. The error is thus bounded by ~2·period steps of rounding on deviations, independent of
 * the series length (the tests check 10⁶ bars against an exact two-pass computation).
 */
export class RollingMoments {
  private readonly window: RingBuffer;
  private meanValue = 0;
  private m2 = 0;
  private freshCount = 0;
  private freshMean = 0;
  private freshM2 = 0;

  constructor(readonly period: number) {
    this.window = new RingBuffer(period);
  }

  /** True once `period` values have been pushed. */
  get full(): boolean {
    return this.window.full;
  }

  /** Number of values held (at most `period`). */
  get count(): number {
    return this.window.length;
  }

  /** Mean of the values held. */
  get mean(): number {
    return this.meanValue;
  }

  /** Sum of squared deviations from the mean; never negative. */
  get sumSquaredDeviations(): number {
    return this.m2 > 0 ? this.m2 : 0;
  }

  /** Adds `x`, drops the value that leaves the window. */
  push(x: number): void {
    const wasFull = this.window.full;
    const evicted = this.window.push(x);
    if (wasFull) {
      const previousMean = this.meanValue;
      const change = x - evicted;
      this.meanValue = previousMean + change / this.period;
      this.m2 += change * (x - this.meanValue + evicted - previousMean);
    } else {
      const delta = x - this.meanValue;
      this.meanValue += delta / this.window.length;
      this.m2 += delta * (x - this.meanValue);
    }
    this.freshCount += 1;
    const freshDelta = x - this.freshMean;
    this.freshMean += freshDelta / this.freshCount;
    this.freshM2 += freshDelta * (x - this.freshMean);
    if (this.freshCount === this.period) {
      this.meanValue = this.freshMean;
      this.m2 = this.freshM2;
      this.freshCount = 0;
      this.freshMean = 0;
      this.freshM2 = 0;
    }
  }
}
