import * as block from './rolling-block';

const { ANCHOR, MEAN, M2, RING, CANCELLATION_RATIO, scoreAt, growAt, recount } = block;

/**
 * One rolling series whose every value is first judged against the window before it, then joins it: the
 * validator's window of log returns (is this return an outlier of the ones before it?). The same numbers,
 * bit for bit, as a RollingStatsBank of one series asked `scoreInto` and then given the value (the same
 * block layout, updates, recount rule and score), in one call without the bank's general loop.
 */
export class ScoredWindow {
  private readonly data: Float64Array;
  /** 1 / k for k = 0 … window, as the bank keeps it. */
  private readonly reciprocal: Float64Array;
  /** Values held, the ring's next slot, and slides since the last exact recount (whole numbers). */
  private held = 0;
  private head = 0;
  private slides = 0;

  constructor(readonly window: number) {
    if (!Number.isInteger(window) || window < 1)
      throw new RangeError(`window must be a whole number ≥ 1, not ${window}`);
    this.data = new Float64Array(RING + window);
    this.reciprocal = new Float64Array(window + 1);
    for (let k = 1; k <= window; k++) this.reciprocal[k] = 1 / k;
  }

  /** Values in the window (at most `window`). */
  get count(): number {
    return this.held;
  }

  /** Sample variance (n − 1 denominator) of the window; 0 with fewer than two values. */
  get variance(): number {
    const n = this.held;
    return n < 2 ? 0 : Math.max(this.data[M2]!, 0) / (n - 1);
  }

  /**
   * Takes the value at values[index]: writes its z-score against the window before it into the same place
   * (NaN below `minObservations` values or fewer than two; 0 on a flat window), then adds it (once full,
   * the oldest value leaves). A non-finite value gives NaN and is not added.
   */
  scoreThenAdd(values: Float64Array, index: number, minObservations: number): void {
    const x = values[index]!;
    if (x - x !== 0) {
      values[index] = NaN;
      return;
    }
    const { data, reciprocal, window } = this;
    const n = this.held;
    if (n >= minObservations) scoreAt(data, 0, n, values, index, reciprocal, values, index);
    else values[index] = NaN;
    const head = this.head;
    const slot = RING + head;
    this.head = head + 1 === window ? 0 : head + 1;
    if (n < window) {
      data[slot] = x;
      growAt(data, 0, slot, n, reciprocal);
      this.held = n + 1;
      return;
    }
    // The bank's sliding step (RollingStatsBank.update) without its score, written out: it runs per bar,
    // and a shared call would read mean and M2 back from the array for the bank's score.
    const anchor = data[ANCHOR]!;
    const entering = x - anchor;
    const left = data[slot]! - anchor;
    data[slot] = x;
    const oldMean = data[MEAN]!;
    const oldM2 = data[M2]!;
    const mean = oldMean + (entering - left) * reciprocal[window]!;
    const m2 = oldM2 + (entering - left) * (entering - mean + left - oldMean);
    const slides = this.slides + 1;
    if (slides === window || m2 < oldM2 * CANCELLATION_RATIO) {
      recount(data, 0, window, slot);
      this.slides = 0;
    } else {
      data[MEAN] = mean;
      data[M2] = m2;
      this.slides = slides;
    }
  }
}
