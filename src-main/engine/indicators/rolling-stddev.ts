import { RollingMoments } from './rolling-moments';
import type { Indicator } from './types';
import { nonFiniteInput, requirePeriod } from './validate';

export interface RollingStdDevOptions {
  /** Divide by period − 1 (sample σ) instead of period (population σ, TA-Lib STDDEV). Default false. */
  sample?: boolean;
}

/**
 * Standard deviation of the last `period` values: population σ by default (TA-Lib STDDEV with nbDev 1),
 * sample σ on request. Ready after `period` updates. Computed with RollingMoments (sliding Welford,
 * rebased every `period` updates), which stays accurate where TA-Lib's Σx² − (Σx)²/n loses digits.
 */
export class RollingStdDev implements Indicator {
  readonly label: string;
  readonly warmUp: number;
  readonly moments: RollingMoments;
  private readonly divisor: number;
  private current = NaN;
  private windowMean = NaN;
  private windowVariance = NaN;
  private inputValue = NaN;

  constructor(
    readonly period: number,
    options: RollingStdDevOptions = {},
  ) {
    const sample = options.sample ?? false;
    requirePeriod('rolling σ', 'period', period, sample ? 2 : 1);
    this.label = `σ(${period}${sample ? ', sample' : ''})`;
    this.warmUp = period;
    this.moments = new RollingMoments(period);
    this.divisor = sample ? period - 1 : period;
  }

  get ready(): boolean {
    return this.moments.full;
  }

  get value(): number {
    return this.current;
  }

  /** Mean of the window; NaN until ready. */
  get mean(): number {
    return this.windowMean;
  }

  /** Variance of the window (σ²); NaN until ready. */
  get variance(): number {
    return this.windowVariance;
  }

  /** Adds a value; returns σ of the last `period` values, NaN until ready. */
  update(value: number): number {
    // Tiny so V8 always inlines it; inputs pass through fields (see types.ts).
    this.inputValue = value;
    this.advance();
    return this.current;
  }

  private advance(): void {
    const value = this.inputValue;
    if (!Number.isFinite(value)) throw nonFiniteInput(this.label, 'value', value);
    this.moments.push(value);
    if (this.moments.full) {
      // Fields rather than conditional getters: a `ready ? x : NaN` expression makes V8 box x.
      this.windowMean = this.moments.mean;
      this.windowVariance = this.moments.sumSquaredDeviations / this.divisor;
      this.current = Math.sqrt(this.windowVariance);
    }
  }
}
