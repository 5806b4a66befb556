import * as block from './rolling-block';

// Bound once at load: under the test runner (vitest) every read of an imported binding is a getter call,
// which the per-value loop would pay many times. The bundle is the same either way.
const { ANCHOR, MEAN, M2, RING, FLAT_RELATIVE, CANCELLATION_RATIO, scoreAt, growAt, recountTogether } = block;

/** A series' whole numbers in `counters`: its count, its ring's next slot, its slides since a recount. */
const COUNT = 0;
const HEAD = 1;
const SINCE_RECOUNT = 2;
const COUNTERS = 3;
/** The most doubles a bank holds (2³¹ − 1, 16 GiB): every offset into it is a 32-bit integer. */
const MAX_DOUBLES = 2 ** 31 - 1;

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
 * of σ leaving the window). The windows of one `update` call that are due run after its loop, side by
 * side (see `recountTogether`: bit for bit the same as one by one). Result: within ~1e-12 (relative) of
 * an exact two-pass computation, however long the series runs. State lives in typed arrays (doubles, and
 * the whole numbers as integers), so updates store plain numbers and never allocate.
 */
export class RollingStatsBank {
  /**
   * The doubles, a block of `stride` per series (the layout of rolling-block.ts): its anchor (the shift
   * applied to its values), the mean of (x − anchor), Σ (x − mean)², then its ring of `window` values. One
   * array: the optimised per-value loop checks and addresses one array of doubles.
   */
  private readonly data: Float64Array;
  private readonly stride: number;
  /** The whole numbers, COUNTERS per series (COUNT, HEAD, SINCE_RECOUNT): integers index without conversion. */
  private readonly counters: Int32Array;
  /** 1 / k for k = 0 … window: multiplying by it is cheaper than dividing (and within one ulp of it). */
  private readonly reciprocal: Float64Array;
  /** Where `push` puts its value for `update`. */
  private readonly input: Float64Array;
  /** The series of one `update` call whose window is due for a recount: block starts, newest values' slots. */
  private readonly dueBlocks: Int32Array;
  private readonly dueNewest: Int32Array;

  constructor(
    readonly series: number,
    readonly window: number,
  ) {
    if (!Number.isInteger(window) || window < 1)
      throw new RangeError(`window must be a whole number ≥ 1, not ${window}`);
    this.stride = RING + window;
    // update() adds offsets as 32-bit integers: the whole block must be indexable by one.
    if (series * this.stride > MAX_DOUBLES)
      throw new RangeError(`${series} series of window ${window} exceed ${MAX_DOUBLES} values`);
    this.data = new Float64Array(series * this.stride);
    this.counters = new Int32Array(series * COUNTERS);
    this.reciprocal = new Float64Array(window + 1);
    for (let k = 1; k <= window; k++) this.reciprocal[k] = 1 / k;
    this.input = new Float64Array(series);
    this.dueBlocks = new Int32Array(series);
    this.dueNewest = new Int32Array(series);
  }

  /** Values in series i's window (at most `window`). */
  count(i: number): number {
    return this.counters[i * COUNTERS + COUNT]!;
  }

  /** Adds a finite value to series i; once its window is full, the oldest value leaves. */
  push(i: number, x: number): void {
    this.input[i] = x;
    this.update(i, i + 1, this.input, this.input, Infinity, Infinity);
  }

  /**
   * For each series i in [from, to): adds `values[i]` (a non-finite value is skipped) and, once the series
   * holds `minObservations` values, writes the value's z-score, clipped to ±clip, into `out[i]`; otherwise
   * writes NaN. The z-score is against the window after adding the value (ScoredWindow judges a value by
   * the window before it). One loop over one typed array: a bar's
   * features update without calls (but the rare recount) or allocation. `values` and `out` may be the same.
   */
  update(
    from: number,
    to: number,
    values: Float64Array,
    out: Float64Array,
    minObservations: number,
    clip: number,
  ): void {
    const { data, counters, reciprocal, window, stride, dueBlocks, dueNewest } = this;
    const slideWeight = reciprocal[window]!;
    // A full window scores with n = window: its 1 / (n − 1), and whether it can score at all, are fixed.
    const fullScoreWeight = reciprocal[window - 1]!;
    const fullScores = window >= 2 && window >= minObservations;
    // The clip bounds as doubles once, not converted from the argument on every value.
    const clipHigh = +clip;
    const clipLow = -clip;
    // Offsets are whole numbers below 2³¹ (see MAX_DOUBLES): written `| 0`, they are added as 32-bit
    // integers, without the overflow checks of general number arithmetic.
    let due = 0;
    let at = (from * stride) | 0;
    let ct = (from * COUNTERS) | 0;
    for (let i = from | 0; i < to; i = (i + 1) | 0, at = (at + stride) | 0, ct = (ct + COUNTERS) | 0) {
      const x = values[i]!;
      if (x - x !== 0) {
        out[i] = NaN; // NaN or ±Infinity: not a value of the series
        continue;
      }
      const n = counters[(ct + COUNT) | 0]!;
      const head = counters[(ct + HEAD) | 0]!;
      const slot = (at + RING + head) | 0;
      counters[(ct + HEAD) | 0] = head + 1 === window ? 0 : (head + 1) | 0;
      if (n < window) {
        data[slot] = x;
        growAt(data, at, slot, n, reciprocal);
        counters[(ct + COUNT) | 0] = (n + 1) | 0;
        if (n + 1 >= minObservations) scoreAt(data, at, n + 1, data, slot, reciprocal, out, i);
        else out[i] = NaN;
        clipAt(out, i, clip);
        continue;
      }
      // The sliding step of a full window (nearly every value): the score from the new state in
      // locals, without reading it back; the same operations, in the same order, as scoreAt, then
      // clipAt's rule on the local z. Every branch stores a double: a local or conditional that may
      // hold `clip` (a tagged argument) would be boxed, and reading out[i] back to clip costs more.
      const anchor = data[(at + ANCHOR) | 0]!;
      const entering = x - anchor;
      const left = data[slot]! - anchor;
      data[slot] = x;
      const oldMean = data[(at + MEAN) | 0]!;
      const oldM2 = data[(at + M2) | 0]!;
      const mean = oldMean + (entering - left) * slideWeight;
      const m2 = oldM2 + (entering - left) * (entering - mean + left - oldMean);
      const slides = (counters[(ct + SINCE_RECOUNT) | 0]! + 1) | 0;
      if (slides === window || m2 < oldM2 * CANCELLATION_RATIO) {
        // Recounted after the loop, with any others due on this call, and scored then.
        dueBlocks[due] = at;
        dueNewest[due] = slot;
        due = (due + 1) | 0;
        continue;
      }
      data[(at + MEAN) | 0] = mean;
      data[(at + M2) | 0] = m2;
      counters[(ct + SINCE_RECOUNT) | 0] = slides;
      if (!fullScores) {
        out[i] = NaN;
        continue;
      }
      const sd = Math.sqrt((m2 > 0 ? m2 : 0) * fullScoreWeight);
      if (sd === 0 || sd <= FLAT_RELATIVE * Math.abs(anchor + mean)) {
        out[i] = 0;
        clipAt(out, i, clip);
        continue;
      }
      const z = (x - anchor - mean) / sd;
      if (z > clipHigh) out[i] = clipHigh;
      else if (z < clipLow) out[i] = clipLow;
      else out[i] = z;
    }
    if (due > 0) this.recountDue(due, out, minObservations, clip);
  }

  /**
   * Recounts the `due` windows listed by `update` (side by side: bit for bit as one by one) and scores
   * their newest values against the recounted windows.
   */
  private recountDue(due: number, out: Float64Array, minObservations: number, clip: number): void {
    const { data, counters, window, stride, reciprocal, dueBlocks, dueNewest } = this;
    recountTogether(data, window, dueBlocks, dueNewest, due);
    const fullScores = window >= 2 && window >= minObservations;
    for (let k = 0; k < due; k++) {
      const at = dueBlocks[k]!;
      const i = at / stride;
      counters[i * COUNTERS + SINCE_RECOUNT] = 0;
      if (fullScores) scoreAt(data, at, window, data, dueNewest[k]!, reciprocal, out, i);
      else out[i] = NaN;
      clipAt(out, i, clip);
    }
  }

  /** Mean of series i's window (NaN when empty). */
  mean(i: number): number {
    const at = i * this.stride;
    return this.count(i) === 0 ? NaN : this.data[at + ANCHOR]! + this.data[at + MEAN]!;
  }

  /** Sample variance (n − 1 denominator) of series i's window; 0 with fewer than two values. */
  variance(i: number): number {
    const n = this.count(i);
    return n < 2 ? 0 : Math.max(this.data[i * this.stride + M2]!, 0) / (n - 1);
  }

  /**
   * Writes the z-score of x against series i's window, (x − μ) / σ, into `out[index]`: NaN with fewer than
   * two values, 0 when σ is flat (≤ 1e-12 · |μ|). Writing into a typed array keeps the double unboxed.
   */
  scoreInto(i: number, x: number, out: Float64Array, index: number): void {
    this.input[i] = x;
    scoreAt(this.data, i * this.stride, this.count(i), this.input, i, this.reciprocal, out, index);
  }

  /** Empties every series. */
  reset(): void {
    const { data, stride } = this;
    for (let at = 0; at < data.length; at += stride) {
      data[at + MEAN] = 0;
      data[at + M2] = 0;
    }
    this.counters.fill(0);
  }
}

/** Clips out[i] to ±clip (NaN stays NaN). */
function clipAt(out: Float64Array, i: number, clip: number): void {
  const z = out[i]!;
  if (z > clip) out[i] = clip;
  else if (z < -clip) out[i] = -clip;
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
