import { RollingSum } from './rolling-sum';
import type { Indicator } from './types';
import { nonFiniteInput, requirePeriod } from './validate';

/**
 * Simple moving average: the mean of the last `period` values (TA-Lib SMA). Ready after `period` updates.
 * O(1) per update through a RollingSum (rebased every `period` updates, so it does not drift).
 */
export class Sma implements Indicator {
  readonly label: string;
  readonly warmUp: number;
  private readonly window: RollingSum;
  private current = NaN;
  private inputValue = NaN;

  constructor(readonly period: number) {
    requirePeriod('SMA', 'period', period);
    this.label = `SMA(${period})`;
    this.warmUp = period;
    this.window = new RollingSum(period);
  }

  get ready(): boolean {
    return this.window.full;
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
    this.window.push(value);
    if (this.window.full) this.current = this.window.sum / this.period;
  }
}
