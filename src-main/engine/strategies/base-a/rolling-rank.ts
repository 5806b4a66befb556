/**
 * Percentile rank within a sliding window: the share of the last `period` values (the newest included)
 * that are at or below a value. The window is kept twice in typed arrays sized once: in arrival order (a
 * ring, to know which value leaves) and sorted (to rank by binary search). A push finds the leaving value
 * and the new one's place by binary search, O(log period), and shifts the sorted array between them with
 * one `copyWithin` (a native memory move of at most `period` doubles: a few nanoseconds for the windows
 * strategies use). Nothing is allocated per push. The indicators have no order statistic, hence this.
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
    if (!Number.isFinite(x)) throw new RangeError(`rolling rank: value must be a finite number, got ${x}`);
    const sorted = this.sorted;
    if (this.size === this.period) {
      const leaving = this.ring[this.head]!;
      const at = this.firstAbove(leaving) - 1; // the last copy of the leaving value
      sorted.copyWithin(at, at + 1, this.size);
      this.size -= 1;
    }
    this.ring[this.head] = x;
    this.head = this.head + 1 === this.period ? 0 : this.head + 1;
    const at = this.firstAbove(x);
    sorted.copyWithin(at + 1, at, this.size);
    sorted[at] = x;
    this.size += 1;
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
