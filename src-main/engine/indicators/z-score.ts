import { RollingStdDev, type RollingStdDevOptions } from './rolling-stddev';
import type { Indicator } from './types';
import { nonFiniteInput, requirePeriod } from './validate';

/**
 * Rolling z-score: (x − mean) / σ over the last `period` values, the new value included (population σ by
 * default). A window with σ = 0 gives 0: the value equals the mean. Ready after `period` updates. Clipping
 * (e.g. to ±3 for the feature normaliser) is the caller's choice.
 */
export class ZScore implements Indicator {
  readonly label: string;
  readonly warmUp: number;
  readonly stdDev: RollingStdDev;
  private current = NaN;
  private inputValue = NaN;

  constructor(
    readonly period: number,
    options: RollingStdDevOptions = {},
  ) {
    requirePeriod('z-score', 'period', period, options.sample ? 2 : 1);
    this.stdDev = new RollingStdDev(period, options);
    this.label = `z(${period})`;
    this.warmUp = period;
  }

  get ready(): boolean {
    return this.stdDev.ready;
  }

  get value(): number {
    return this.current;
  }

  /** Adds a value; returns its z-score within the window, NaN until ready. */
  update(value: number): number {
    // Tiny so V8 always inlines it; inputs pass through fields (see types.ts).
    this.inputValue = value;
    this.advance();
    return this.current;
  }

  private advance(): void {
    const value = this.inputValue;
    if (!Number.isFinite(value)) throw nonFiniteInput(this.label, 'value', value);
    const sigma = this.stdDev.update(value);
    if (this.stdDev.ready) this.current = sigma === 0 ? 0 : (value - this.stdDev.mean) / sigma;
  }
}
