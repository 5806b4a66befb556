/** No node (the end of the list, or an empty list). */
const NONE = -1;

/**
 * Percentile rank within a sliding window: the share of the last `period` values (the newest included)
 * that are at or below a value. The window is a doubly linked list in ascending order over typed arrays
 * sized once, whose nodes are the ring's slots: the value leaving is unlinked in O(1) (its node is the slot
 * the new value takes), and the new value is linked in by walking from the previous value's node, whose
 * position in the list is kept, counting the nodes passed. A value is linked after every value equal to
 * it, so its position + 1 is the count at or below it. A push costs O(1 + the number of values ranked
 * between the previous value and the new one): small for a volatility measure, which moves little from
 * one bar to the next (at most `period`). Nothing is allocated per push. The indicators have no order
 * statistic, hence this.
 */
export class RollingRank {
  /** The value of each node (ring slot), and its neighbours in ascending order. */
  private readonly values: Float64Array;
  private readonly next: Int32Array;
  private readonly previous: Int32Array;
  /** The ring slot the next value takes (once full, the node of the value that leaves). */
  private slot = 0;
  private size = 0;
  /** The node of the latest value and its position in ascending order (0: the smallest). */
  private cursor = NONE;
  private cursorIndex = 0;

  constructor(readonly period: number) {
    if (!Number.isInteger(period) || period < 1) {
      throw new RangeError(`rolling rank period must be a whole number ≥ 1, got ${String(period)}`);
    }
    this.values = new Float64Array(period);
    this.next = new Int32Array(period).fill(NONE);
    this.previous = new Int32Array(period).fill(NONE);
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
   * x is linked after the values ≤ x, so its position + 1 counts them.
   */
  pushAndShare(x: number): number {
    this.place(x);
    return (this.cursorIndex + 1) / this.size;
  }

  /** Share (0–1) of the held values that are ≤ x; NaN when empty. */
  shareAtOrBelow(x: number): number {
    if (this.size === 0) return NaN;
    const { values, next, previous } = this;
    let node = this.cursor;
    let index = this.cursorIndex;
    if (values[node]! <= x) {
      for (let after = next[node]!; after !== NONE && values[after]! <= x; after = next[after]!) index += 1;
      return (index + 1) / this.size;
    }
    // Back to the last node ≤ x; none: no value is ≤ x.
    for (node = previous[node]!; node !== NONE && values[node]! > x; node = previous[node]!) index -= 1;
    return index / this.size;
  }

  /** Unlinks the leaving value (once full) and links `x` in its node; the cursor moves to `x`. */
  private place(x: number): void {
    if (!Number.isFinite(x)) throw new RangeError(`rolling rank: value must be a finite number, got ${x}`);
    const node = this.slot;
    this.slot = node + 1 === this.period ? 0 : node + 1;
    if (this.size === this.period) this.unlink(node);
    this.values[node] = x;
    if (this.size === 0) {
      this.next[node] = NONE;
      this.previous[node] = NONE;
      this.cursorIndex = 0;
    } else {
      this.link(node, x);
    }
    this.cursor = node;
    this.size += 1;
  }

  /** Links `node` (holding x) after the values ≤ x and before the values > x, walking from the cursor. */
  private link(node: number, x: number): void {
    const { values, next, previous } = this;
    let at = this.cursor;
    let index = this.cursorIndex;
    if (values[at]! <= x) {
      for (let after = next[at]!; after !== NONE && values[after]! <= x; after = next[after]!) {
        at = after;
        index += 1;
      }
      // After `at`.
      const after = next[at]!;
      next[at] = node;
      previous[node] = at;
      next[node] = after;
      if (after !== NONE) previous[after] = node;
      this.cursorIndex = index + 1;
      return;
    }
    for (let before = previous[at]!; before !== NONE && values[before]! > x; before = previous[before]!) {
      at = before;
      index -= 1;
    }
    // Before `at`, taking its position.
    const before = previous[at]!;
    previous[at] = node;
    next[node] = at;
    previous[node] = before;
    if (before !== NONE) next[before] = node;
    this.cursorIndex = index;
  }

  /** Unlinks `node` (the leaving value), keeping the cursor's position right; the size drops by one. */
  private unlink(node: number): void {
    const { next, previous } = this;
    const before = previous[node]!;
    const after = next[node]!;
    if (node === this.cursor) {
      // Only with period 1, where the list becomes empty (place links x as the only node).
      this.cursor = before !== NONE ? before : after;
      if (before !== NONE) this.cursorIndex -= 1;
    } else if (this.precedesCursor(node)) {
      this.cursorIndex -= 1;
    }
    if (before !== NONE) next[before] = after;
    if (after !== NONE) previous[after] = before;
    this.size -= 1;
  }

  /** True when `node` (not the cursor) comes before the cursor in ascending order. */
  private precedesCursor(node: number): boolean {
    const { values, previous } = this;
    const value = values[node]!;
    const cursorValue = values[this.cursor]!;
    if (value !== cursorValue) return value < cursorValue;
    // Equal values: look among the equal ones just before the cursor.
    for (let before = previous[this.cursor]!; before !== NONE; before = previous[before]!) {
      if (before === node) return true;
      if (values[before]! !== cursorValue) return false;
    }
    return false;
  }
}
