/**
 * Which bars of a stream are strict peaks of their neighbourhood: bar c is one when its value is strictly
 * greater than the values of the `left` bars before it and of the `right` bars after it (so it is known
 * `right` bars later). The swing-point detector keeps one for highs and one for negated lows.
 *
 * Method: bar c is a peak exactly when (a) the nearest earlier bar with a value ≥ c's is more than `left`
 * bars back, and (b) none of the `right` bars after c has a value ≥ c's. A stack of bar numbers whose
 * values do not increase from bottom to top gives both: a new value first pops the smaller values (each
 * popped bar has a later bar above it: (b) fails for it), marks an equal top as failing (b) too, and then
 * the top, if any, is its nearest earlier bar with a value ≥ its own, for (a). Bars more than
 * max(left, right) back are dropped from the bottom: they can no longer be the nearest earlier bar that
 * matters for (a), nor still wait for (b). Each bar is pushed and popped once: O(1) amortised per push,
 * with a few comparisons in the common case; nothing is allocated after construction.
 */
export class StrictPeaks {
  /** The window's values and, per bar, whether it may still be a peak (1) or not (0), by slot. */
  private readonly values: Float64Array;
  private readonly open: Uint8Array;
  /** The stack as a circular buffer: bar numbers and their slots, `size` entries, the top at `top`. */
  private readonly stackBars: Float64Array;
  private readonly stackSlots: Int32Array;
  private top = 0;
  private size = 0;
  private readonly span: number;
  /** The push's inputs (fields, so advance() takes no arguments; see types.ts). */
  private inputValue = NaN;
  private inputBar = 0;
  private inputSlot = 0;

  /** `slots`: the caller's ring size (≥ left + right + 1), whose slot each bar is pushed with. */
  constructor(
    private readonly left: number,
    right: number,
    slots: number,
  ) {
    this.values = new Float64Array(slots);
    this.open = new Uint8Array(slots);
    this.span = Math.max(left, right);
    this.stackBars = new Float64Array(this.span + 1);
    this.stackSlots = new Int32Array(this.span + 1);
  }

  /** Adds bar number `bar` (0, 1, 2, … in order) with a finite `value`, stored at ring slot `slot`. */
  push(value: number, bar: number, slot: number): void {
    this.inputValue = value;
    this.inputBar = bar;
    this.inputSlot = slot;
    this.advance();
  }

  /** True when the bar at `slot`, pushed at least `right` pushes ago and `left` after the first, is a peak. */
  isPeak(slot: number): boolean {
    return this.open[slot] === 1;
  }

  /** The value of the bar at `slot`. */
  valueAt(slot: number): number {
    return this.values[slot]!;
  }

  private advance(): void {
    const value = this.inputValue;
    const bar = this.inputBar;
    const slot = this.inputSlot;
    const { values, open, stackBars, stackSlots } = this;
    const capacity = stackBars.length;
    let top = this.top;
    let size = this.size;
    // The bottom entry (the oldest) leaves once more than `span` bars back: at most one per push.
    if (size > 0) {
      const bottom = top - size + 1;
      if (stackBars[bottom < 0 ? bottom + capacity : bottom]! < bar - this.span) size -= 1;
    }
    let nearest = -1;
    while (size > 0) {
      const topSlot = stackSlots[top]!;
      const topValue = values[topSlot]!;
      if (topValue >= value) {
        // An equal later value means the top is not a strict peak.
        if (topValue === value) open[topSlot] = 0;
        nearest = stackBars[top]!;
        break;
      }
      open[topSlot] = 0;
      size -= 1;
      top = top === 0 ? capacity - 1 : top - 1;
    }
    values[slot] = value;
    open[slot] = nearest < bar - this.left ? 1 : 0;
    top = size === 0 ? top : top + 1 === capacity ? 0 : top + 1;
    stackBars[top] = bar;
    stackSlots[top] = slot;
    this.top = top;
    this.size = size + 1;
  }
}
