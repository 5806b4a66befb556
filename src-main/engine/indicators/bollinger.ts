import { RollingMoments } from './rolling-moments';
import type { Indicator } from './types';
import { nonFiniteInput, requireMultiplier, requirePeriod } from './validate';

/**
 * Bollinger Bands (TA-Lib BBANDS with an SMA middle): middle = mean of the last `period` closes,
 * σ = population standard deviation of the same window, upper/lower = middle ± multiplier·σ. Ready after
 * `period` updates. σ comes from RollingMoments (sliding Welford), more accurate than TA-Lib's
 * Σx² − (Σx)²/n at large prices.
 */
export class Bollinger implements Indicator {
  readonly label: string;
  readonly warmUp: number;
  private readonly moments: RollingMoments;
  private middleBand = NaN;
  private upperBand = NaN;
  private lowerBand = NaN;
  private sigma = NaN;
  private inputClose = NaN;

  constructor(
    readonly period = 20,
    readonly multiplier = 2,
  ) {
    requirePeriod('Bollinger', 'period', period);
    requireMultiplier('Bollinger', 'multiplier', multiplier);
    this.label = `Bollinger(${period},${multiplier})`;
    this.warmUp = period;
    this.moments = new RollingMoments(period);
  }

  get ready(): boolean {
    return this.moments.full;
  }

  /** The middle band (the primary value); NaN until ready. */
  get value(): number {
    return this.middleBand;
  }

  get middle(): number {
    return this.middleBand;
  }

  get upper(): number {
    return this.upperBand;
  }

  get lower(): number {
    return this.lowerBand;
  }

  /** Population σ of the window. */
  get stdDev(): number {
    return this.sigma;
  }

  /** Adds a close; returns the middle band, NaN until ready (the other bands are set with it). */
  update(close: number): number {
    // Tiny so V8 always inlines it; inputs pass through fields (see types.ts).
    this.inputClose = close;
    this.advance();
    return this.middleBand;
  }

  private advance(): void {
    const close = this.inputClose;
    if (!Number.isFinite(close)) throw nonFiniteInput(this.label, 'close', close);
    const moments = this.moments;
    moments.push(close);
    if (moments.full) {
      this.middleBand = moments.mean;
      this.sigma = Math.sqrt(moments.sumSquaredDeviations / this.period);
      const width = this.multiplier * this.sigma;
      this.upperBand = this.middleBand + width;
      this.lowerBand = this.middleBand - width;
    }
  }
}
