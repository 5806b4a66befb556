import type { Indicator } from './types';
import { nonFiniteInput, requirePeriod } from './validate';

/**
 * Average true range with Wilder's smoothing (TA-Lib ATR). The first true range is on the second bar; the
 * first ATR is the plain mean of the first `period` true ranges, then ATR = (ATR·(period − 1) + TR)
 * / period. Ready after `period + 1` updates.
 */
export class Atr implements Indicator {
  readonly label: string;
  readonly warmUp: number;
  private seen = 0;
  private previousClose = NaN;
  private lastTrueRange = NaN;
  private seedSum = 0;
  private current = NaN;
  private inputHigh = NaN;
  private inputLow = NaN;
  private inputClose = NaN;

  constructor(readonly period = 14) {
    requirePeriod('ATR', 'period', period);
    this.label = `ATR(${period})`;
    this.warmUp = period + 1;
  }

  get ready(): boolean {
    return this.seen >= this.warmUp;
  }

  get value(): number {
    return this.current;
  }

  /** The latest bar's true range; NaN on the first bar. */
  get trueRange(): number {
    return this.lastTrueRange;
  }

  /** Adds a bar; returns the new ATR, NaN until ready. */
  update(high: number, low: number, close: number): number {
    // Tiny so V8 always inlines it; inputs pass through fields (see types.ts).
    this.inputHigh = high;
    this.inputLow = low;
    this.inputClose = close;
    this.advance();
    return this.current;
  }

  private advance(): void {
    const high = this.inputHigh;
    const low = this.inputLow;
    const close = this.inputClose;
    if (!Number.isFinite(high)) throw nonFiniteInput(this.label, 'high', high);
    if (!Number.isFinite(low)) throw nonFiniteInput(this.label, 'low', low);
    if (!Number.isFinite(close)) throw nonFiniteInput(this.label, 'close', close);
    const seen = ++this.seen;
    const previousClose = this.previousClose;
    this.previousClose = close;
    if (seen === 1) return;
    // The true range (see true-range.ts), inline.
    const range = Math.max(high - low, Math.abs(high - previousClose), Math.abs(low - previousClose));
    this.lastTrueRange = range;
    if (seen < this.warmUp) {
      this.seedSum += range;
    } else if (seen === this.warmUp) {
      this.current = (this.seedSum + range) / this.period;
    } else {
      this.current = (this.current * (this.period - 1) + range) / this.period;
    }
  }
}
