/** A departing value that takes more than this share of the window's squared deviations triggers a recount. */
const CANCELLATION_RATIO = 1 / 1024;
/** σ at or below this share of |μ| cannot be told from a constant at double precision: it counts as zero. */
const FLAT_RELATIVE = 1e-12;

/**
 * Mean and sample variance of the last `window` values, O(1) per update.
 *
 * Numerical method: Welford's updates (add, and add-one-remove-one once full) on values shifted by an
 * anchor near the data, so the sums stay small. Two guards keep the result within ~1e-12 (relative) of
 * an exact two-pass computation over the window however long the series runs:
 * - a second, add-only Welford accumulator starts every `window` values and, once it has seen `window`
 *   values, replaces the running one (add-only Welford does not drift), so removal rounding never
 *   accumulates over more than two windows;
 * - when a departing value takes more than 1023/1024 of the squared deviations with it (a spike of
 *   hundreds of σ leaving the window), the window is recounted exactly (O(window), at most once per such
 *   spike).
 */
export class RollingStats {
  private readonly ring: Float64Array;
  private head = 0;
  private n = 0;
  private anchor = 0;
  private shiftedMean = 0;
  private m2 = 0;
  // The add-only accumulator over the values since it last started.
  private freshN = 0;
  private freshAnchor = 0;
  private freshMean = 0;
  private freshM2 = 0;

  constructor(readonly window: number) {
    if (!Number.isInteger(window) || window < 1)
      throw new RangeError(`window must be a whole number ≥ 1, not ${window}`);
    this.ring = new Float64Array(window);
  }

  /** Values in the window (at most `window`). */
  get count(): number {
    return this.n;
  }

  /** Adds a finite value; once the window is full, the oldest value leaves. */
  push(x: number): void {
    const window = this.window;
    if (this.n < window) {
      if (this.n === 0) this.anchor = x;
      this.n += 1;
      const shifted = x - this.anchor;
      const delta = shifted - this.shiftedMean;
      this.shiftedMean += delta / this.n;
      this.m2 += delta * (shifted - this.shiftedMean);
      this.ring[this.head] = x;
    } else {
      const leaving = this.ring[this.head]!;
      this.ring[this.head] = x;
      const entering = x - this.anchor;
      const left = leaving - this.anchor;
      const oldMean = this.shiftedMean;
      const oldM2 = this.m2;
      this.shiftedMean += (entering - left) / window;
      this.m2 += (entering - left) * (entering - this.shiftedMean + left - oldMean);
      if (this.m2 < oldM2 * CANCELLATION_RATIO) this.recount();
    }
    this.head = this.head + 1 === window ? 0 : this.head + 1;

    if (this.freshN === 0) this.freshAnchor = x;
    this.freshN += 1;
    const shifted = x - this.freshAnchor;
    const delta = shifted - this.freshMean;
    this.freshMean += delta / this.freshN;
    this.freshM2 += delta * (shifted - this.freshMean);
    if (this.freshN === window) {
      this.anchor = this.freshAnchor;
      this.shiftedMean = this.freshMean;
      this.m2 = this.freshM2;
      this.freshN = 0;
      this.freshMean = 0;
      this.freshM2 = 0;
    }
  }

  /** Two-pass mean and squared deviations of the full window, anchored at its newest value. */
  private recount(): void {
    const anchor = this.ring[this.head]!;
    let sum = 0;
    for (let i = 0; i < this.n; i++) sum += this.ring[i]! - anchor;
    const mean = sum / this.n;
    let m2 = 0;
    for (let i = 0; i < this.n; i++) {
      const d = this.ring[i]! - anchor - mean;
      m2 += d * d;
    }
    this.anchor = anchor;
    this.shiftedMean = mean;
    this.m2 = m2;
  }

  /** Mean of the window (NaN when empty). */
  mean(): number {
    return this.n === 0 ? NaN : this.anchor + this.shiftedMean;
  }

  /** Sample variance (n − 1 denominator) of the window; 0 with fewer than two values. */
  variance(): number {
    return this.n < 2 ? 0 : Math.max(this.m2, 0) / (this.n - 1);
  }

  /** Sample standard deviation of the window. */
  std(): number {
    return Math.sqrt(this.variance());
  }

  /** Whether the window's σ is zero or indistinguishable from zero (≤ 1e-12 · |μ|). */
  isFlat(): boolean {
    const sd = this.std();
    return sd === 0 || sd <= FLAT_RELATIVE * Math.abs(this.mean());
  }

  /** (x − μ) / σ against the window; 0 when σ is flat; NaN with fewer than two values. */
  zScore(x: number): number {
    if (this.n < 2) return NaN;
    if (this.isFlat()) return 0;
    return (x - this.anchor - this.shiftedMean) / this.std();
  }

  /** Empties the window. */
  reset(): void {
    this.head = 0;
    this.n = 0;
    this.shiftedMean = 0;
    this.m2 = 0;
    this.freshN = 0;
    this.freshMean = 0;
    this.freshM2 = 0;
  }
}
