import { HighLowWindow } from './high-low-window';
import { Sma } from './sma';
import type { Indicator } from './types';
import { nonFiniteInput, requirePeriod } from './validate';

/**
 * Slow stochastic oscillator (TA-Lib STOCH with SMA smoothing, default 14/3/3):
 * fast %K = 100·(close − lowest low) / (highest high − lowest low) over the last `kPeriod` bars, the current
 * one included; slow %K = SMA(`kSmoothing`) of fast %K; slow %D = SMA(`dPeriod`) of slow %K. Both lines
 * appear together after kPeriod + kSmoothing + dPeriod − 2 updates (18 for 14/3/3), as in TA-Lib.
 *
 * One deliberate difference: a window with no range (highest = lowest) gives fast %K = 50, the neutral
 * value; TA-Lib writes 0, which reads as "closed at the low" on a frozen market.
 */
export class Stochastic implements Indicator {
  readonly label: string;
  readonly warmUp: number;
  private readonly window: HighLowWindow;
  private readonly slowK: Sma;
  private readonly slowD: Sma;
  private kLine = NaN;
  private dLine = NaN;
  private inputHigh = NaN;
  private inputLow = NaN;
  private inputClose = NaN;

  constructor(
    readonly kPeriod = 14,
    readonly kSmoothing = 3,
    readonly dPeriod = 3,
  ) {
    requirePeriod('Stochastic', '%K period', kPeriod);
    requirePeriod('Stochastic', '%K smoothing', kSmoothing);
    requirePeriod('Stochastic', '%D period', dPeriod);
    this.label = `Stochastic(${kPeriod},${kSmoothing},${dPeriod})`;
    this.warmUp = kPeriod + kSmoothing + dPeriod - 2;
    this.window = new HighLowWindow(kPeriod);
    this.slowK = new Sma(kSmoothing);
    this.slowD = new Sma(dPeriod);
  }

  get ready(): boolean {
    return this.slowD.ready;
  }

  /** Slow %K (the primary value); NaN until ready. */
  get value(): number {
    return this.kLine;
  }

  get k(): number {
    return this.kLine;
  }

  get d(): number {
    return this.dLine;
  }

  /** Adds a bar; returns slow %K, NaN until ready (slow %D is set with it). */
  update(high: number, low: number, close: number): number {
    // Tiny so V8 always inlines it; inputs pass through fields (see types.ts).
    this.inputHigh = high;
    this.inputLow = low;
    this.inputClose = close;
    this.advance();
    return this.kLine;
  }

  private advance(): void {
    const high = this.inputHigh;
    const low = this.inputLow;
    const close = this.inputClose;
    if (!Number.isFinite(high)) throw nonFiniteInput(this.label, 'high', high);
    if (!Number.isFinite(low)) throw nonFiniteInput(this.label, 'low', low);
    if (!Number.isFinite(close)) throw nonFiniteInput(this.label, 'close', close);
    const window = this.window;
    window.push(high, low);
    if (!window.full) return;
    const highest = window.highest;
    const lowest = window.lowest;
    // TA-Lib divides by range/100 rather than multiplying by 100; kept for closeness to the reference.
    const scaledRange = (highest - lowest) / 100;
    const fastK = scaledRange === 0 ? 50 : (close - lowest) / scaledRange;
    const slowK = this.slowK.update(fastK);
    if (!this.slowK.ready) return;
    const slowD = this.slowD.update(slowK);
    if (this.slowD.ready) {
      this.kLine = slowK;
      this.dLine = slowD;
    }
  }
}
