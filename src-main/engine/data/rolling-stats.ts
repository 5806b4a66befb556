/** A departing value that takes more than this share of the window's squared deviations triggers a recount. */
const CANCELLATION_RATIO = 1 / 1024;
/** σ at or below this share of |μ| cannot be told from a constant at double precision: it counts as zero. */
const FLAT_RELATIVE = 1e-12;

/**
 * Mean and sample variance of the last `window` values of several series at once (one per feature of an
 * instrument), O(1) amortised per value. Each series keeps its own count, so a value may be skipped for
 * one series.
 *
 * Numerical method: Welford's updates (add while the window fills, then add-one-remove-one) on values
 * shifted by an anchor near the data, so the sums stay small. Removal rounding would slowly accumulate,
 * so every `window` updates the full window is recounted exactly (two passes, which also re-anchors at the
 * newest value): amortised O(1), about three extra operations per value. The same recount runs at once
 * when a departing value takes more than 1023/1024 of the squared deviations with it (a spike of hundreds
 * of σ leaving the window). Result: within ~1e-12 (relative) of an exact two-pass computation, however
 * long the series runs. State lives in typed arrays, so updates store plain doubles and never allocate.
 */
export class RollingStatsBank {
  private readonly ring: Float64Array;
  /** Per series: the shift applied to its values, the mean of (x − anchor), Σ (x − mean)². */
  private readonly anchors: Float64Array;
  private readonly means: Float64Array;
  private readonly m2s: Float64Array;
  private readonly counts: Int32Array;
  private readonly heads: Int32Array;
  /** Slides since the series' last exact recount. */
  private readonly sinceRecount: Int32Array;
  /** 1 / k for k = 0 … window: multiplying by it is cheaper than dividing (and within one ulp of it). */
  private readonly reciprocal: Float64Array;
  /** Where `push` puts its value for `update`. */
  private readonly input: Float64Array;

  constructor(
    readonly series: number,
    readonly window: number,
  ) {
    if (!Number.isInteger(window) || window < 1)
      throw new RangeError(`window must be a whole number ≥ 1, not ${window}`);
    this.ring = new Float64Array(series * window);
    this.anchors = new Float64Array(series);
    this.means = new Float64Array(series);
    this.m2s = new Float64Array(series);
    this.counts = new Int32Array(series);
    this.heads = new Int32Array(series);
    this.sinceRecount = new Int32Array(series);
    this.reciprocal = new Float64Array(window + 1);
    for (let k = 1; k <= window; k++) this.reciprocal[k] = 1 / k;
    this.input = new Float64Array(series);
  }

  /** Values in series i's window (at most `window`). */
  count(i: number): number {
    return this.counts[i]!;
  }

  /** Adds a finite value to series i; once its window is full, the oldest value leaves. */
  push(i: number, x: number): void {
    this.input[i] = x;
    this.update(i, i + 1, this.input, this.input, Infinity, Infinity);
  }

  /**
   * For each series i in [from, to): adds `values[i]` (a non-finite value is skipped) and, once the series
   * holds `minObservations` values, writes the value's z-score, clipped to ±clip, into `out[i]`; otherwise
   * writes NaN. The z-score is against the window after adding the value, or, with `scoreFirst`, against
   * the window before it (to judge a value by the ones before it). One loop over typed arrays: a bar's
   * features update without calls or allocation.
   */
  update(
    from: number,
    to: number,
    values: Float64Array,
    out: Float64Array,
    minObservations: number,
    clip: number,
    scoreFirst = false,
  ): void {
    const { ring, anchors, means, m2s, counts, heads, reciprocal, window } = this;
    for (let i = from; i < to; i++) {
      const x = values[i]!;
      if (x - x !== 0) {
        out[i] = NaN; // NaN or ±Infinity: not a value of the series
        continue;
      }
      if (scoreFirst) {
        if (counts[i]! < minObservations) out[i] = NaN;
        else this.scoreInto(i, x, out, i);
      }
      const head = heads[i]!;
      const slot = i * window + head;
      const n = counts[i]!;
      if (n < window) {
        if (n === 0) anchors[i] = x;
        const shifted = x - anchors[i]!;
        const delta = shifted - means[i]!;
        const mean = means[i]! + delta * reciprocal[n + 1]!;
        means[i] = mean;
        m2s[i] = m2s[i]! + delta * (shifted - mean);
        counts[i] = n + 1;
        ring[slot] = x;
      } else {
        const anchor = anchors[i]!;
        const entering = x - anchor;
        const left = ring[slot]! - anchor;
        ring[slot] = x;
        const oldMean = means[i]!;
        const oldM2 = m2s[i]!;
        const mean = oldMean + (entering - left) * reciprocal[window]!;
        const m2 = oldM2 + (entering - left) * (entering - mean + left - oldMean);
        means[i] = mean;
        m2s[i] = m2;
        const slides = this.sinceRecount[i]! + 1;
        if (slides === window || m2 < oldM2 * CANCELLATION_RATIO) this.recount(i, slot);
        else this.sinceRecount[i] = slides;
      }
      heads[i] = head + 1 === window ? 0 : head + 1;

      if (!scoreFirst) {
        if (counts[i]! < minObservations) out[i] = NaN;
        else this.scoreInto(i, x, out, i);
      }
      const z = out[i]!;
      if (z > clip) out[i] = clip;
      else if (z < -clip) out[i] = -clip;
    }
  }

  /** Exact two-pass mean and squared deviations of series i's full window, anchored at its newest value. */
  private recount(i: number, newest: number): void {
    const window = this.window;
    const base = i * window;
    const anchor = this.ring[newest]!;
    let sum = 0;
    for (let k = 0; k < window; k++) sum += this.ring[base + k]! - anchor;
    const mean = sum / window;
    let m2 = 0;
    for (let k = 0; k < window; k++) {
      const d = this.ring[base + k]! - anchor - mean;
      m2 += d * d;
    }
    this.anchors[i] = anchor;
    this.means[i] = mean;
    this.m2s[i] = m2;
    this.sinceRecount[i] = 0;
  }

  /** Mean of series i's window (NaN when empty). */
  mean(i: number): number {
    return this.counts[i] === 0 ? NaN : this.anchors[i]! + this.means[i]!;
  }

  /** Sample variance (n − 1 denominator) of series i's window; 0 with fewer than two values. */
  variance(i: number): number {
    const n = this.counts[i]!;
    return n < 2 ? 0 : Math.max(this.m2s[i]!, 0) / (n - 1);
  }

  /**
   * Writes the z-score of x against series i's window, (x − μ) / σ, into `out[index]`: NaN with fewer than
   * two values, 0 when σ is flat (≤ 1e-12 · |μ|). Writing into a typed array keeps the double unboxed.
   */
  scoreInto(i: number, x: number, out: Float64Array, index: number): void {
    const n = this.counts[i]!;
    if (n < 2) {
      out[index] = NaN;
      return;
    }
    const m2 = this.m2s[i]!;
    const sd = Math.sqrt((m2 > 0 ? m2 : 0) * this.reciprocal[n - 1]!);
    const anchor = this.anchors[i]!;
    const mean = this.means[i]!;
    out[index] = sd === 0 || sd <= FLAT_RELATIVE * Math.abs(anchor + mean) ? 0 : (x - anchor - mean) / sd;
  }

  /** Empties every series. */
  reset(): void {
    this.means.fill(0);
    this.m2s.fill(0);
    this.counts.fill(0);
    this.heads.fill(0);
    this.sinceRecount.fill(0);
  }
}

/** One rolling series: a RollingStatsBank of one, with the usual accessors. */
export class RollingStats {
  private readonly bank: RollingStatsBank;
  private readonly scratch = new Float64Array(1);

  constructor(readonly window: number) {
    this.bank = new RollingStatsBank(1, window);
  }

  /** Values in the window (at most `window`). */
  get count(): number {
    return this.bank.count(0);
  }

  /** Adds a finite value; once the window is full, the oldest value leaves. */
  push(x: number): void {
    this.bank.push(0, x);
  }

  /** Mean of the window (NaN when empty). */
  mean(): number {
    return this.bank.mean(0);
  }

  /** Sample variance (n − 1 denominator); 0 with fewer than two values. */
  variance(): number {
    return this.bank.variance(0);
  }

  /** Sample standard deviation. */
  std(): number {
    return Math.sqrt(this.bank.variance(0));
  }

  /** Whether σ is zero or indistinguishable from zero (≤ 1e-12 · |μ|). */
  isFlat(): boolean {
    const sd = this.std();
    return sd === 0 || sd <= FLAT_RELATIVE * Math.abs(this.mean());
  }

  /** (x − μ) / σ against the window; 0 when σ is flat; NaN with fewer than two values. */
  zScore(x: number): number {
    this.bank.scoreInto(0, x, this.scratch, 0);
    return this.scratch[0]!;
  }

  /** zScore(x) written into out[index] (allocation-free). */
  scoreInto(x: number, out: Float64Array, index: number): void {
    this.bank.scoreInto(0, x, out, index);
  }

  /** Empties the window. */
  reset(): void {
    this.bank.reset();
  }
}
