/**
 * Maximum (or minimum) of the last `period` values with a monotonic deque over typed arrays: each value is
 * pushed once and popped at most once, so a push costs O(1) amortised and nothing is allocated after
 * construction. The deque holds candidates in arrival order with strictly decreasing values (for `max`);
 * its front is the extreme of the window.
 */
export class RollingExtreme {
  private readonly values: Float64Array;
  /** Arrival number of each candidate, to expire it when it leaves the window. */
  private readonly arrivals: Float64Array;
  private readonly isMax: boolean;
  private front = 0;
  private size = 0;
  private pushes = 0;
  /** The value being pushed (a field, so advance() takes no arguments; see types.ts). */
  private input = NaN;

  constructor(
    readonly period: number,
    readonly kind: 'max' | 'min',
  ) {
    // Slot 0 starts as NaN so `value` reads NaN before the first push without a branch.
    this.values = new Float64Array(period).fill(NaN);
    this.arrivals = new Float64Array(period);
    this.isMax = kind === 'max';
  }

  /** True once `period` values have been pushed. */
  get full(): boolean {
    return this.pushes >= this.period;
  }

  /** The extreme of the values held; NaN before the first push. */
  get value(): number {
    return this.values[this.front]!;
  }

  /** Adds `x` and drops the value leaving the window (read the extreme from `value`). */
  push(x: number): void {
    this.input = x;
    this.advance();
  }

  private advance(): void {
    const x = this.input;
    const capacity = this.period;
    const arrival = this.pushes;
    this.pushes = arrival + 1;
    // Expire the front if it arrived `period` pushes ago (at most one candidate can be that old).
    if (this.size > 0 && this.arrivals[this.front]! <= arrival - capacity) {
      this.front = this.front + 1 === capacity ? 0 : this.front + 1;
      this.size -= 1;
    }
    // Drop candidates from the back that `x` dominates: they can never be the extreme again.
    while (this.size > 0) {
      let back = this.front + this.size - 1;
      if (back >= capacity) back -= capacity;
      const candidate = this.values[back]!;
      if (this.isMax ? candidate > x : candidate < x) break;
      this.size -= 1;
    }
    let slot = this.front + this.size;
    if (slot >= capacity) slot -= capacity;
    this.values[slot] = x;
    this.arrivals[slot] = arrival;
    this.size += 1;
  }
}
