import { RingBuffer } from './ring-buffer';
import type { Indicator } from './types';
import { nonFiniteInput, requirePeriod } from './validate';

/**
 * Linearly weighted moving average (TA-Lib WMA): weights 1…period, the newest value weighing `period`,
 * divided by period·(period + 1)/2. Ready after `period` updates.
 *
 * O(1): with W the weighted sum and S the plain sum of the window, sliding in x and out y gives
 * W' = W − S + period·x and S' = S + x − y. Like RollingSum, a fresh pair of sums restarts every `period`
 * updates and replaces the sliding pair when it covers the current window, so rounding does not drift.
 */
export class Wma implements Indicator {
  readonly label: string;
  readonly warmUp: number;
  private readonly window: RingBuffer;
  private readonly divisor: number;
  private weighted = 0;
  private plain = 0;
  private freshWeighted = 0;
  private freshPlain = 0;
  private freshCount = 0;
  private current = NaN;
  private inputValue = NaN;

  constructor(readonly period: number) {
    requirePeriod('WMA', 'period', period);
    this.label = `WMA(${period})`;
    this.warmUp = period;
    this.window = new RingBuffer(period);
    this.divisor = (period * (period + 1)) / 2;
  }

  get ready(): boolean {
    return this.window.full;
  }

  get value(): number {
    return this.current;
  }

  /** Adds a value; returns the weighted average of the last `period` values, NaN until ready. */
  update(value: number): number {
    // Tiny so V8 always inlines it; inputs pass through fields (see types.ts).
    this.inputValue = value;
    this.advance();
    return this.current;
  }

  private advance(): void {
    const value = this.inputValue;
    if (!Number.isFinite(value)) throw nonFiniteInput(this.label, 'value', value);
    const wasFull = this.window.full;
    const evicted = this.window.oldest;
    this.window.push(value);
    if (wasFull) {
      this.weighted += this.period * value - this.plain;
      this.plain += value - evicted;
    } else {
      this.weighted += this.window.length * value;
      this.plain += value;
    }
    this.freshCount += 1;
    this.freshWeighted += this.freshCount * value;
    this.freshPlain += value;
    if (this.freshCount === this.period) {
      this.weighted = this.freshWeighted;
      this.plain = this.freshPlain;
      this.freshWeighted = 0;
      this.freshPlain = 0;
      this.freshCount = 0;
    }
    if (this.window.full) this.current = this.weighted / this.divisor;
  }
}
