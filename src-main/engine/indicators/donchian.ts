import { HighLowWindow } from './high-low-window';
import type { Indicator } from './types';
import { nonFiniteInput, requirePeriod } from './validate';

/**
 * Donchian channel: upper = highest high and lower = lowest low of the last `period` bars, the current bar
 * included (TA-Lib MAX/MIN); middle = (upper + lower) / 2. Ready after `period` updates. A breakout rule
 * compares a bar with the channel read before that bar's update.
 */
export class Donchian implements Indicator {
  readonly label: string;
  readonly warmUp: number;
  private readonly window: HighLowWindow;
  private upperBand = NaN;
  private lowerBand = NaN;
  private middleBand = NaN;
  private inputHigh = NaN;
  private inputLow = NaN;

  constructor(readonly period = 20) {
    requirePeriod('Donchian', 'period', period);
    this.label = `Donchian(${period})`;
    this.warmUp = period;
    this.window = new HighLowWindow(period);
  }

  get ready(): boolean {
    return this.window.full;
  }

  /** The middle line (the primary value); NaN until ready. */
  get value(): number {
    return this.middleBand;
  }

  get upper(): number {
    return this.upperBand;
  }

  get lower(): number {
    return this.lowerBand;
  }

  get middle(): number {
    return this.middleBand;
  }

  /** Adds a bar; returns the middle line, NaN until ready (upper and lower are set with it). */
  update(high: number, low: number): number {
    // Tiny so V8 always inlines it; inputs pass through fields (see types.ts).
    this.inputHigh = high;
    this.inputLow = low;
    this.advance();
    return this.middleBand;
  }

  private advance(): void {
    const high = this.inputHigh;
    const low = this.inputLow;
    if (!Number.isFinite(high)) throw nonFiniteInput(this.label, 'high', high);
    if (!Number.isFinite(low)) throw nonFiniteInput(this.label, 'low', low);
    const window = this.window;
    window.push(high, low);
    if (window.full) {
      this.upperBand = window.highest;
      this.lowerBand = window.lowest;
      this.middleBand = (this.upperBand + this.lowerBand) / 2;
    }
  }
}
