import type { Indicator } from './types';
import { nonFiniteInput } from './validate';

/**
 * On-balance volume (TA-Lib OBV): starts at the first bar's volume (TA-Lib's seed; other libraries start at
 * 0, which only shifts the line), then adds the volume of a bar that closes higher than the previous close,
 * subtracts it when lower, and keeps it when equal. Ready from the first update.
 */
export class Obv implements Indicator {
  readonly label = 'OBV';
  readonly warmUp = 1;
  private previousClose = NaN;
  private current = NaN;
  private inputClose = NaN;
  private inputVolume = NaN;

  get ready(): boolean {
    return !Number.isNaN(this.current);
  }

  get value(): number {
    return this.current;
  }

  /** Adds a bar's close and volume; returns the new OBV. */
  update(close: number, volume: number): number {
    // Tiny so V8 always inlines it; inputs pass through fields (see types.ts).
    this.inputClose = close;
    this.inputVolume = volume;
    this.advance();
    return this.current;
  }

  private advance(): void {
    const close = this.inputClose;
    const volume = this.inputVolume;
    if (!Number.isFinite(close)) throw nonFiniteInput(this.label, 'close', close);
    if (!Number.isFinite(volume)) throw nonFiniteInput(this.label, 'volume', volume);
    if (Number.isNaN(this.current)) this.current = volume;
    else if (close > this.previousClose) this.current += volume;
    else if (close < this.previousClose) this.current -= volume;
    this.previousClose = close;
  }
}
