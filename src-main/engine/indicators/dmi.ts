import type { Indicator } from './types';
import { nonFiniteInput, requirePeriod } from './validate';

/**
 * Wilder's directional movement (TA-Lib PLUS_DI, MINUS_DI, DX). On each bar after the first:
 * up = high − previous high, down = previous low − low; +DM = up when up > down and up > 0, −DM = down when
 * down > up and down > 0, otherwise 0. +DM, −DM and the true range are summed over the first period − 1
 * bars, then smoothed Wilder-style: S = S − S/period + today (so the first smoothed value, on bar `period`,
 * is TA-Lib's, not a plain sum of `period` values). +DI = 100·S(+DM)/S(TR), −DI likewise, and
 * DX = 100·|+DI − −DI| / (+DI + −DI). Ready after `period + 1` updates.
 *
 * No range at all (S(TR) = 0) gives +DI = −DI = 0; no directional movement (+DI + −DI = 0) gives DX = 0 and
 * `hasDirection` false. TA-Lib applies these rules below 1e-14 rather than at exactly 0; we use exact zero
 * so instruments priced in millionths are not misread.
 */
export class Dmi implements Indicator {
  readonly label: string;
  readonly warmUp: number;
  private seen = 0;
  private previousHigh = NaN;
  private previousLow = NaN;
  private previousClose = NaN;
  private smoothedPlusDm = 0;
  private smoothedMinusDm = 0;
  private smoothedTrueRange = 0;
  private plus = NaN;
  private minus = NaN;
  private directional = NaN;
  private direction = false;
  private inputHigh = NaN;
  private inputLow = NaN;
  private inputClose = NaN;

  constructor(readonly period = 14) {
    requirePeriod('DMI', 'period', period, 2);
    this.label = `DMI(${period})`;
    this.warmUp = period + 1;
  }

  get ready(): boolean {
    return this.seen >= this.warmUp;
  }

  /** DX, the primary value; NaN until ready. */
  get value(): number {
    return this.directional;
  }

  get plusDI(): number {
    return this.plus;
  }

  get minusDI(): number {
    return this.minus;
  }

  get dx(): number {
    return this.directional;
  }

  /** False when the latest DX is undefined (+DI + −DI = 0) and reported as 0; ADX skips such bars. */
  get hasDirection(): boolean {
    return this.direction;
  }

  /** Adds a bar; returns DX, NaN until ready. */
  update(high: number, low: number, close: number): number {
    // Tiny so V8 always inlines it; inputs pass through fields (see types.ts).
    this.inputHigh = high;
    this.inputLow = low;
    this.inputClose = close;
    this.advance();
    return this.directional;
  }

  private advance(): void {
    const high = this.inputHigh;
    const low = this.inputLow;
    const close = this.inputClose;
    if (!Number.isFinite(high)) throw nonFiniteInput(this.label, 'high', high);
    if (!Number.isFinite(low)) throw nonFiniteInput(this.label, 'low', low);
    if (!Number.isFinite(close)) throw nonFiniteInput(this.label, 'close', close);
    const seen = ++this.seen;
    const up = high - this.previousHigh;
    const down = this.previousLow - low;
    // The true range (see true-range.ts), inline.
    const previousClose = this.previousClose;
    const range = Math.max(high - low, Math.abs(high - previousClose), Math.abs(low - previousClose));
    this.previousHigh = high;
    this.previousLow = low;
    this.previousClose = close;
    if (seen === 1) return;
    const plusDm = up > 0 && up > down ? up : 0;
    const minusDm = down > 0 && down > up ? down : 0;
    const period = this.period;
    if (seen < this.warmUp) {
      this.smoothedPlusDm += plusDm;
      this.smoothedMinusDm += minusDm;
      this.smoothedTrueRange += range;
      return;
    }
    this.smoothedPlusDm = this.smoothedPlusDm - this.smoothedPlusDm / period + plusDm;
    this.smoothedMinusDm = this.smoothedMinusDm - this.smoothedMinusDm / period + minusDm;
    this.smoothedTrueRange = this.smoothedTrueRange - this.smoothedTrueRange / period + range;
    if (this.smoothedTrueRange === 0) {
      this.plus = 0;
      this.minus = 0;
    } else {
      this.plus = 100 * (this.smoothedPlusDm / this.smoothedTrueRange);
      this.minus = 100 * (this.smoothedMinusDm / this.smoothedTrueRange);
    }
    const sum = this.plus + this.minus;
    this.direction = sum !== 0;
    this.directional = this.direction ? 100 * (Math.abs(this.minus - this.plus) / sum) : 0;
  }
}
