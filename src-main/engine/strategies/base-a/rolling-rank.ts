/**
 * Percentile rank within a sliding window: the share of the last `period` values (the newest included)
 * that are at or below a value. The window is kept twice in typed arrays sized once: in arrival order (a
 * ring, to know which value leaves) and sorted (to rank by binary search, O(log period)). A push finds the
 * leaving value by binary search, writes the new value in its slot and moves it to its place, shifting only
 * the values ranked between the two: O(log period + that distance), at most `period` moves of a double and
 * usually far fewer. Nothing is allocated per push. The indicators have no order statistic, hence this.
 */
export class RollingRank {
  private readonly ring: Float64Array;
  private readonly sorted: Float64Array;
  private head = 0;
  private size = 0;

  constructor(readonly period: number) {
    if (!Number.isInteger(period) || period < 1) {
      throw new RangeError(`rolling rank period must be a whole number ≥ 1, got ${String(period)}`);
    }
    this.ring = new Float64Array(period);
    this.sorted = new Float64Array(period);
  }

  /** True once `period` values have been pushed. */
  get full(): boolean {
    return this.size === this.period;
  }

  /** Values held (at most `period`). */
  get count(): number {
    return this.size;
  }

  /** Adds `x` (finite), dropping the value pushed `period` pushes ago. */
  push(x: number): void {
    this.place(x);
  }

  /**
   * Adds `x` as `push` does and returns its share at or below, as `shareAtOrBelow(x)` would right after:
   * the values before its place are ≤ x, so only equal values after it are counted (no binary search).
   */
  pushAndShare(x: number): number {
    let above = this.place(x) + 1;
    while (above < this.size && this.sorted[above] === x) above += 1;
    return above / this.size;
  }

  /** Inserts `x` (see the class comment); returns its index in `sorted`. */
  private place(x: number): number {
    if (!Number.isFinite(x)) throw new RangeError(`rolling rank: value must be a finite number, got ${x}`);
    const sorted = this.sorted;
    let at: number;
    if (this.size === this.period) {
      // x takes the slot of a copy of the leaving value, then moves to its place.
      at = this.firstAbove(this.ring[this.head]!) - 1;
    } else {
      at = this.size;
      this.size += 1;
    }
    this.ring[this.head] = x;
    this.head = this.head + 1 === this.period ? 0 : this.head + 1;
    const last = this.size - 1;
    while (at < last && sorted[at + 1]! < x) {
      sorted[at] = sorted[at + 1]!;
      at += 1;
    }
    while (at > 0 && sorted[at - 1]! > x) {
      sorted[at] = sorted[at - 1]!;
      at -= 1;
    }
    sorted[at] = x;
    return at;
  }

  /** Share (0–1) of the held values that are ≤ x; NaN when empty. */
  shareAtOrBelow(x: number): number {
    return this.size === 0 ? NaN : this.firstAbove(x) / this.size;
  }

  /** Index of the first held sorted value > x (= how many are ≤ x). */
  private firstAbove(x: number): number {
    let low = 0;
    let high = this.size;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.sorted[middle]! <= x) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
