import { averageRanks, pearsonFromSums } from './ranks';

export type CorrelationMethod = 'pearson' | 'spearman';

export interface CorrelationConfig {
  strategyCount: number;
  /** Engine time the rolling window covers (spec default 60 minutes). */
  windowMinutes: number;
  /** Spacing of the bars `update` is called on. */
  barIntervalMs: number;
  /** Engine time between refreshes of the cached matrix (spec: hourly). */
  refreshMinutes: number;
  method: CorrelationMethod;
  /** Paired returns needed before a correlation counts; fewer give 0. At least 3. */
  minSamples: number;
}

const MINUTE_MS = 60_000;

/**
 * Number of bars a window of `windowMinutes` holds at `barIntervalMs` spacing: round(window / interval).
 * The window is a count of updates fixed when the manager is built. The feed's bars are evenly spaced, so
 * that count covers `windowMinutes`; a pause in the feed stretches the span it covers (consecutive bars'
 * returns are still what is correlated). A new bar interval is a settings change: the engine builds a new
 * manager, which starts with empty windows.
 */
export function windowLength(windowMinutes: number, barIntervalMs: number): number {
  return Math.round((windowMinutes * MINUTE_MS) / barIntervalMs);
}

/**
 * Rolling correlation of the strategies' signal returns (spec section 5). Each `update` adds one return per
 * strategy and keeps, per strategy, Σx and Σx², and per pair Σxy, over the window (x shifted by a
 * per-strategy constant, which Pearson ignores and which keeps the sums from cancelling): O(1) per pair per bar,
 * nothing allocated. The sums are recomputed exactly from the window once per window length and at every
 * refresh, which bounds floating-point drift. The matrix the ensemble reads is cached and refreshed once
 * `refreshMinutes` of engine time has passed since the last refresh (the first update refreshes, so the
 * schedule starts there): Pearson from the sums, Spearman by ranking each strategy's window (O(k log k) per
 * strategy and O(k) per pair, at refresh only). Off-diagonal entries are 0 while the window holds fewer
 * than `minSamples` returns or a strategy's returns do not vary; the diagonal is 1.
 */
export class CorrelationManager {
  readonly length: number;
  private readonly n: number;
  private readonly ring: Float64Array;
  /** Per-strategy shift subtracted before summing (Pearson does not depend on it; it avoids cancellation). */
  private readonly shifts: Float64Array;
  private readonly sums: Float64Array;
  private readonly sumSquares: Float64Array;
  /** Σ x_i x_j for i < j at i · n + j. */
  private readonly cross: Float64Array;
  private readonly cached: Float64Array;
  private head = 0;
  private count = 0;
  private updatesSinceExact = 0;
  private refreshedAt: number | null = null;
  private readonly refreshMs: number;
  // Spearman scratch, allocated once.
  private readonly ranks: Float64Array;
  private readonly rankScratch: Float64Array;
  private readonly series: Float64Array;
  private readonly order: Uint32Array;
  /** The shifted returns of the row leaving the window and of the row entering it (scratch). */
  private readonly leaving: Float64Array;
  private readonly entering: Float64Array;

  constructor(private readonly config: CorrelationConfig) {
    const { strategyCount: n, windowMinutes, barIntervalMs, refreshMinutes, minSamples } = config;
    if (!Number.isInteger(n) || n < 1)
      throw new RangeError(`strategyCount must be a whole number ≥ 1, got ${n}`);
    if (!(barIntervalMs > 0) || !(windowMinutes > 0) || !(refreshMinutes > 0))
      throw new RangeError(
        `windowMinutes, barIntervalMs and refreshMinutes must be positive, got ${windowMinutes}, ${barIntervalMs}, ${refreshMinutes}`,
      );
    this.length = windowLength(windowMinutes, barIntervalMs);
    if (!(this.length >= 3))
      throw new RangeError(
        `a correlation window of ${windowMinutes} minutes holds ${this.length} bars of ${barIntervalMs / 1000} s; it needs at least 3`,
      );
    if (!Number.isInteger(minSamples) || minSamples < 3 || minSamples > this.length)
      throw new RangeError(
        `minSamples must be a whole number from 3 to the window's ${this.length} bars, got ${minSamples}`,
      );
    this.n = n;
    this.refreshMs = refreshMinutes * MINUTE_MS;
    this.ring = new Float64Array(this.length * n);
    this.shifts = new Float64Array(n);
    this.sums = new Float64Array(n);
    this.sumSquares = new Float64Array(n);
    this.cross = new Float64Array(n * n);
    this.cached = new Float64Array(n * n);
    for (let i = 0; i < n; i++) this.cached[i * n + i] = 1;
    this.ranks = new Float64Array(n * this.length);
    this.rankScratch = new Float64Array(this.length);
    this.series = new Float64Array(this.length);
    this.order = new Uint32Array(this.length);
    this.leaving = new Float64Array(n);
    this.entering = new Float64Array(n);
  }

  /** Returns held per strategy (at most the window length). */
  get samples(): number {
    return this.count;
  }

  /** Engine time of the last refresh of the cached matrix, or null before the first update. */
  get lastRefresh(): number | null {
    return this.refreshedAt;
  }

  /**
   * Adds one bar's signal return of every strategy (index = strategy) at engine time `time`, and refreshes
   * the cached matrix when it is due. Returns true if it refreshed.
   */
  update(time: number, returns: ArrayLike<number>): boolean {
    const n = this.n;
    if (returns.length !== n) throw new RangeError(`expected ${n} strategy returns, got ${returns.length}`);
    for (let i = 0; i < n; i++) {
      if (!Number.isFinite(returns[i]))
        throw new RangeError(`return of strategy ${i} must be a finite number, got ${returns[i]}`);
    }
    if (!Number.isFinite(time)) throw new RangeError(`update time must be finite, got ${time}`);
    const base = this.head * n;
    if (this.count === this.length) {
      this.shifted(base, this.leaving);
      for (let i = 0; i < n; i++) this.ring[base + i] = returns[i]!;
      this.shifted(base, this.entering);
      this.slide();
    } else {
      if (this.count++ === 0) for (let i = 0; i < n; i++) this.shifts[i] = returns[i]!;
      for (let i = 0; i < n; i++) this.ring[base + i] = returns[i]!;
      this.accumulate(base, 1);
    }
    this.head = (this.head + 1) % this.length;
    this.updatesSinceExact += 1;
    if (this.updatesSinceExact >= this.length) this.recomputeSums();
    if (this.refreshedAt === null || time - this.refreshedAt >= this.refreshMs) {
      this.refresh(time);
      return true;
    }
    return false;
  }

  /** The cached n × n matrix (row-major, symmetric, diagonal 1); a view the caller must not modify. */
  matrix(): Float64Array {
    return this.cached;
  }

  /** The cached correlation of strategies i and j. */
  correlation(i: number, j: number): number {
    return this.cached[this.index(i) * this.n + this.index(j)]!;
  }

  /** Pearson correlation of i and j over the window as of the last update (not cached). O(1). */
  livePearson(i: number, j: number): number {
    const a = this.index(i);
    const b = this.index(j);
    if (a === b) return 1;
    if (this.count < this.config.minSamples) return 0;
    const lo = Math.min(a, b);
    const hi = Math.max(a, b);
    return pearsonFromSums(
      this.count,
      this.sums[lo]!,
      this.sums[hi]!,
      this.sumSquares[lo]!,
      this.sumSquares[hi]!,
      this.cross[lo * this.n + hi]!,
    );
  }

  /** Recomputes the cached matrix now, whatever the schedule (a settings reload, a restart). */
  refresh(time: number): void {
    this.recomputeSums();
    const n = this.n;
    const spearman = this.config.method === 'spearman' && this.count >= this.config.minSamples;
    if (spearman) this.rankAll();
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const r = spearman ? this.rankCorrelation(i, j) : this.livePearson(i, j);
        this.cached[i * n + j] = r;
        this.cached[j * n + i] = r;
      }
    }
    this.refreshedAt = time;
  }

  private index(i: number): number {
    if (!Number.isInteger(i) || i < 0 || i >= this.n)
      throw new RangeError(`strategy index ${i} is outside 0…${this.n - 1}`);
    return i;
  }

  /** The row at `base` minus each strategy's shift, into `into` (the values every sum adds). */
  private shifted(base: number, into: Float64Array): void {
    const { n, ring, shifts } = this;
    for (let i = 0; i < n; i++) into[i] = ring[base + i]! - shifts[i]!;
  }

  /** Adds (sign 1) or removes (sign −1) the row at `base` from the running sums. */
  private accumulate(base: number, sign: 1 | -1): void {
    const { n, sums, sumSquares, cross, entering: xs } = this;
    this.shifted(base, xs);
    for (let i = 0; i < n; i++) {
      const x = xs[i]!;
      const sx = sign * x;
      sums[i] = sums[i]! + sx;
      sumSquares[i] = sumSquares[i]! + sx * x;
      const row = i * n;
      for (let j = i + 1; j < n; j++) cross[row + j] = cross[row + j]! + sx * xs[j]!;
    }
  }

  /**
   * Removes the `leaving` row from the sums and adds the `entering` one in a single pass: each sum gets
   * the same two additions in the same order as accumulate(−1) then accumulate(+1), so the same bits.
   */
  private slide(): void {
    const { n, sums, sumSquares, cross, leaving: xo, entering: xn } = this;
    for (let i = 0; i < n; i++) {
      const o = xo[i]!;
      const so = -o;
      const x = xn[i]!;
      sums[i] = sums[i]! + so + x;
      sumSquares[i] = sumSquares[i]! + so * o + x * x;
      const row = i * n;
      for (let j = i + 1; j < n; j++) cross[row + j] = cross[row + j]! + so * xo[j]! + x * xn[j]!;
    }
  }

  /** Exact sums from the window, shifted by each strategy's current mean. */
  private recomputeSums(): void {
    const { n, count, ring, shifts } = this;
    if (count > 0) {
      shifts.fill(0);
      for (let row = 0; row < count; row++)
        for (let i = 0; i < n; i++) shifts[i] = shifts[i]! + ring[row * n + i]!;
      for (let i = 0; i < n; i++) shifts[i] = shifts[i]! / count;
    }
    this.sums.fill(0);
    this.sumSquares.fill(0);
    this.cross.fill(0);
    for (let row = 0; row < this.count; row++) this.accumulate(row * this.n, 1);
    this.updatesSinceExact = 0;
  }

  /** Average ranks of every strategy's window, in ring order (pairs stay aligned by time). */
  private rankAll(): void {
    const { n, count, series, ranks, rankScratch, order, ring } = this;
    for (let i = 0; i < n; i++) {
      for (let row = 0; row < count; row++) series[row] = ring[row * n + i]!;
      averageRanks(series.subarray(0, count), rankScratch, order);
      ranks.set(rankScratch.subarray(0, count), i * this.length);
    }
  }

  private rankCorrelation(i: number, j: number): number {
    const { count, ranks, length } = this;
    let sx = 0;
    let sy = 0;
    let sxx = 0;
    let syy = 0;
    let sxy = 0;
    for (let k = 0; k < count; k++) {
      const x = ranks[i * length + k]!;
      const y = ranks[j * length + k]!;
      sx += x;
      sy += y;
      sxx += x * x;
      syy += y * y;
      sxy += x * y;
    }
    return pearsonFromSums(count, sx, sy, sxx, syy, sxy);
  }
}
