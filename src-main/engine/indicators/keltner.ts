import { Atr } from './atr';
import { Ema } from './ema';
import type { Indicator } from './types';
import { nonFiniteInput, requireMultiplier, requirePeriod } from './validate';

/**
 * Keltner channel, StockCharts' definition (default 20/10/2): middle = EMA(`emaPeriod`) of closes,
 * upper/lower = middle ± multiplier · ATR(`atrPeriod`), both with TA-Lib seeding (EMA from an SMA, ATR
 * Wilder from the mean true range). Ready when both are: after max(emaPeriod, atrPeriod + 1) updates.
 */
export class Keltner implements Indicator {
  readonly label: string;
  readonly warmUp: number;
  readonly ema: Ema;
  readonly atr: Atr;
  private middleBand = NaN;
  private upperBand = NaN;
  private lowerBand = NaN;
  private inputHigh = NaN;
  private inputLow = NaN;
  private inputClose = NaN;

  constructor(
    readonly emaPeriod = 20,
    readonly atrPeriod = 10,
    readonly multiplier = 2,
  ) {
    requirePeriod('Keltner', 'EMA period', emaPeriod);
    requirePeriod('Keltner', 'ATR period', atrPeriod);
    requireMultiplier('Keltner', 'multiplier', multiplier);
    this.ema = new Ema(emaPeriod);
    this.atr = new Atr(atrPeriod);
    this.label = `Keltner(${emaPeriod},${atrPeriod},${multiplier})`;
    this.warmUp = Math.max(this.ema.warmUp, this.atr.warmUp);
  }

  get ready(): boolean {
    return this.ema.ready && this.atr.ready;
  }

  /** The middle line (the primary value); NaN until ready. */
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

  /** Adds a bar; returns the middle line, NaN until ready (upper and lower are set with it). */
  update(high: number, low: number, close: number): number {
    // Tiny so V8 always inlines it; inputs pass through fields (see types.ts).
    this.inputHigh = high;
    this.inputLow = low;
    this.inputClose = close;
    this.advance();
    return this.middleBand;
  }

  private advance(): void {
    const high = this.inputHigh;
    const low = this.inputLow;
    const close = this.inputClose;
    if (!Number.isFinite(high)) throw nonFiniteInput(this.label, 'high', high);
    if (!Number.isFinite(low)) throw nonFiniteInput(this.label, 'low', low);
    if (!Number.isFinite(close)) throw nonFiniteInput(this.label, 'close', close);
    const range = this.atr.update(high, low, close);
    const middle = this.ema.update(close);
    if (this.ready) {
      const width = this.multiplier * range;
      this.middleBand = middle;
      this.upperBand = middle + width;
      this.lowerBand = middle - width;
    }
  }
}
