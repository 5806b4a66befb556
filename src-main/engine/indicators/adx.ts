import { Dmi } from './dmi';
import type { Indicator } from './types';
import { nonFiniteInput, requirePeriod } from './validate';

/**
 * Average directional index (TA-Lib ADX): the first ADX is the mean of the first `period` DX values, then
 * ADX = (ADX·(period − 1) + DX) / period. As in TA-Lib, a bar without directional movement (DX undefined,
 * see Dmi.hasDirection) leaves ADX unchanged, and counts as 0 in the first mean. Ready after 2·period
 * updates (28 for 14). The +DI, −DI and DX lines are on `dmi`, ready after period + 1 updates.
 */
export class Adx implements Indicator {
  readonly label: string;
  readonly warmUp: number;
  readonly dmi: Dmi;
  private dxCount = 0;
  private dxSum = 0;
  private current = NaN;
  private inputHigh = NaN;
  private inputLow = NaN;
  private inputClose = NaN;

  constructor(readonly period = 14) {
    requirePeriod('ADX', 'period', period, 2);
    this.dmi = new Dmi(period);
    this.label = `ADX(${period})`;
    this.warmUp = 2 * period;
  }

  get ready(): boolean {
    return this.dxCount >= this.period;
  }

  get value(): number {
    return this.current;
  }

  /** Adds a bar; returns the new ADX, NaN until ready. */
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
    const dx = this.dmi.update(high, low, close);
    if (!this.dmi.ready) return;
    const period = this.period;
    const count = ++this.dxCount;
    if (count < period) {
      this.dxSum += dx;
    } else if (count === period) {
      this.current = (this.dxSum + dx) / period;
    } else if (this.dmi.hasDirection) {
      this.current = (this.current * (period - 1) + dx) / period;
    }
  }
}
