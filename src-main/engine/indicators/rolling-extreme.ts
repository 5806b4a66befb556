import { HighLowWindow } from './high-low-window';

/**
 * Maximum (or minimum) of the last `period` values: one side of a HighLowWindow (van Herk / Gil-Werman
 * blocks, see there), fed each value as both its high and its low. O(1) amortised per push, nothing
 * allocated after construction. Of equal values the newest is the extreme; inputs are finite (the
 * indicators check them before pushing).
 */
export class RollingExtreme {
  private readonly window: HighLowWindow;

  constructor(
    readonly period: number,
    readonly kind: 'max' | 'min',
  ) {
    this.window = new HighLowWindow(period);
  }

  /** True once `period` values have been pushed. */
  get full(): boolean {
    return this.window.full;
  }

  /** The extreme of the last `period` values (fewer before it is full); NaN before the first push. */
  get value(): number {
    return this.kind === 'max' ? this.window.highest : this.window.lowest;
  }

  /** Adds `x` and drops the value leaving the window (read the extreme from `value`). */
  push(x: number): void {
    this.window.push(x, x);
  }
}
