import type { Indicator } from './types';
import { nonFiniteInput, requirePeriod } from './validate';

/**
 * Simple moving average: the mean of the last `period` values (TA-Lib SMA). Ready after `period` updates.
 * O(1) per update with RollingSum's arithmetic (a running sum, rebased every `period` updates to a fresh
 * sum of exactly the window, so it does not drift), written here over its own ring: the stochastic
 * oscillator runs two of these per bar, and one object per average is cheaper than three.
 */
export class Sma implements Indicator {
  readonly label: string;
  readonly warmUp: number;
  /** The last `period` values; `head` is where the next one goes (and, once full, the one it evicts). */
  private readonly window: Float64Array;
  private head = 0;
  private count = 0;
  /** Sum of the window, and sum of the values pushed since the last rebase (`freshCount` of them). */
  private running = 0;
  private fresh = 0;
  private freshCount = 0;
  private current = NaN;
  private inputValue = NaN;

  constructor(readonly period: number) {
    requirePeriod('SMA', 'period', period);
    this.label = `SMA(${period})`;
    this.warmUp = period;
    this.window = new Float64Array(period);
  }

  get ready(): boolean {
    return this.count === this.period;
  }

  get value(): number {
    return this.current;
  }

  /** Adds a value; returns the average of the last `period` values, NaN until ready. */
  update(value: number): number {
    // Tiny so V8 always inlines it; inputs pass through fields (see types.ts).
    this.inputValue = value;
    this.advance();
    return this.current;
  }

  private advance(): void {
    const value = this.inputValue;
    if (!Number.isFinite(value)) throw nonFiniteInput(this.label, 'value', value);
    const period = this.period;
    const wasFull = this.count === period;
    const evicted = this.window[this.head]!;
    this.window[this.head] = value;
    this.head = this.head + 1 === period ? 0 : this.head + 1;
    if (!wasFull) this.count += 1;
    // RollingSum's steps, in its order (so the sums are the same doubles).
    this.running += value;
    if (wasFull) this.running -= evicted;
    this.fresh += value;
    this.freshCount += 1;
    if (this.freshCount === period) {
      this.running = this.fresh;
      this.fresh = 0;
      this.freshCount = 0;
    }
    if (this.count === period) this.current = this.running / period;
  }
}
