import type { Indicator } from './types';
import { nonFiniteInput, requirePeriod } from './validate';

export interface EmaOptions {
  /**
   * Updates to ignore before the seed window starts. TA-Lib's MACD uses this to seed its fast EMA on the
   * same bar as its slow one (see Macd). Default 0.
   */
  skip?: number;
}

/**
 * Exponential moving average, TA-Lib convention: smoothing factor k = 2 / (period + 1), seeded with the
 * simple average of the first `period` values; then EMA = (x − EMA)·k + EMA. Ready after `period` updates
 * (plus `skip`).
 */
export class Ema implements Indicator {
  readonly label: string;
  readonly warmUp: number;
  readonly k: number;
  private readonly skip: number;
  private seen = 0;
  private seedSum = 0;
  private current = NaN;
  private inputValue = NaN;

  constructor(
    readonly period: number,
    options: EmaOptions = {},
  ) {
    requirePeriod('EMA', 'period', period);
    this.skip = options.skip ?? 0;
    if (this.skip !== 0) requirePeriod('EMA', 'skip', this.skip);
    this.label = `EMA(${period})`;
    this.warmUp = this.skip + period;
    this.k = 2 / (period + 1);
  }

  get ready(): boolean {
    return this.seen >= this.warmUp;
  }

  get value(): number {
    return this.current;
  }

  /** Adds a value; returns the new EMA, NaN until ready. */
  update(value: number): number {
    // Tiny so V8 always inlines it; inputs pass through fields (see types.ts).
    this.inputValue = value;
    this.advance();
    return this.current;
  }

  private advance(): void {
    const value = this.inputValue;
    if (!Number.isFinite(value)) throw nonFiniteInput(this.label, 'value', value);
    const seen = ++this.seen;
    if (seen > this.warmUp) {
      this.current = (value - this.current) * this.k + this.current;
    } else if (seen > this.skip) {
      this.seedSum += value;
      if (seen === this.warmUp) this.current = this.seedSum / this.period;
    }
  }
}
