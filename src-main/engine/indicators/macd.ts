import { Ema } from './ema';
import type { Indicator } from './types';
import { nonFiniteInput, requirePeriod } from './validate';

/**
 * MACD (TA-Lib MACD, default 12/26/9): line = EMA(fast) − EMA(slow), signal = EMA(signal) of the line,
 * histogram = line − signal. Every EMA is seeded with an SMA (see Ema).
 *
 * TA-Lib detail kept here: the fast EMA is seeded on the same bar as the slow one, with the average of the
 * `fast` closes ending there (not of the first `fast` closes), so both start together at bar `slow`. The
 * signal EMA is seeded with the average of the first `signal` line values. All three outputs appear
 * together after slow + signal − 1 updates (34 for 12/26/9), as in TA-Lib.
 */
export class Macd implements Indicator {
  readonly label: string;
  readonly warmUp: number;
  private readonly fastEma: Ema;
  private readonly slowEma: Ema;
  private readonly signalEma: Ema;
  private line = NaN;
  private signalLine = NaN;
  private hist = NaN;
  private inputClose = NaN;

  constructor(
    readonly fastPeriod = 12,
    readonly slowPeriod = 26,
    readonly signalPeriod = 9,
  ) {
    requirePeriod('MACD', 'fast period', fastPeriod);
    requirePeriod('MACD', 'slow period', slowPeriod, 2);
    requirePeriod('MACD', 'signal period', signalPeriod);
    if (fastPeriod >= slowPeriod) {
      throw new RangeError(
        `MACD fast period must be shorter than the slow period, got fast ${fastPeriod} and slow ${slowPeriod}`,
      );
    }
    this.label = `MACD(${fastPeriod},${slowPeriod},${signalPeriod})`;
    this.warmUp = slowPeriod + signalPeriod - 1;
    this.fastEma = new Ema(fastPeriod, { skip: slowPeriod - fastPeriod });
    this.slowEma = new Ema(slowPeriod);
    this.signalEma = new Ema(signalPeriod);
  }

  get ready(): boolean {
    return this.signalEma.ready;
  }

  /** The MACD line (the primary value); NaN until ready. */
  get value(): number {
    return this.line;
  }

  get macd(): number {
    return this.line;
  }

  get signal(): number {
    return this.signalLine;
  }

  get histogram(): number {
    return this.hist;
  }

  /** Adds a close; returns the MACD line, NaN until ready (signal and histogram are set with it). */
  update(close: number): number {
    // Tiny so V8 always inlines it; inputs pass through fields (see types.ts).
    this.inputClose = close;
    this.advance();
    return this.line;
  }

  private advance(): void {
    const close = this.inputClose;
    if (!Number.isFinite(close)) throw nonFiniteInput(this.label, 'close', close);
    const fast = this.fastEma.update(close);
    const slow = this.slowEma.update(close);
    if (!this.slowEma.ready) return;
    const line = fast - slow;
    const signal = this.signalEma.update(line);
    if (this.signalEma.ready) {
      this.line = line;
      this.signalLine = signal;
      this.hist = line - signal;
    }
  }
}
