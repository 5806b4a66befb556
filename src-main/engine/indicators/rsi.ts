import type { Indicator } from './types';
import { nonFiniteInput, requirePeriod } from './validate';

/**
 * Relative strength index with Wilder's smoothing (TA-Lib RSI). The first average gain and loss are the
 * plain means of the first `period` close-to-close changes; after that avg = (avg·(period − 1) + today)
 * / period. RSI = 100 · avgGain / (avgGain + avgLoss). Ready after `period + 1` updates.
 *
 * One deliberate difference: when avgGain + avgLoss is 0 (not a single change yet) RSI is 50, the neutral
 * value; TA-Lib writes 0, which an oversold rule would read as a buy signal on a frozen market.
 */
export class Rsi implements Indicator {
  readonly label: string;
  readonly warmUp: number;
  private seen = 0;
  private previous = NaN;
  private avgGain = 0;
  private avgLoss = 0;
  private current = NaN;
  private inputClose = NaN;

  constructor(readonly period: number) {
    requirePeriod('RSI', 'period', period, 2);
    this.label = `RSI(${period})`;
    this.warmUp = period + 1;
  }

  get ready(): boolean {
    return this.seen >= this.warmUp;
  }

  get value(): number {
    return this.current;
  }

  /** Adds a close; returns the new RSI in [0, 100], NaN until ready. */
  update(close: number): number {
    // Tiny so V8 always inlines it; inputs pass through fields (see types.ts).
    this.inputClose = close;
    this.advance();
    return this.current;
  }

  private advance(): void {
    const close = this.inputClose;
    if (!Number.isFinite(close)) throw nonFiniteInput(this.label, 'close', close);
    const seen = ++this.seen;
    const change = close - this.previous;
    this.previous = close;
    if (seen === 1) return;
    const period = this.period;
    if (seen <= period) {
      if (change < 0) this.avgLoss -= change;
      else this.avgGain += change;
      return;
    }
    if (seen === this.warmUp) {
      if (change < 0) this.avgLoss -= change;
      else this.avgGain += change;
      this.avgLoss /= period;
      this.avgGain /= period;
    } else {
      // The same order of operations as TA-Lib: scale by (period − 1), add today, divide by period. Both
      // sides take an addend (0 for the side the change is not on: x + 0 is x, the averages are never −0),
      // so no branch depends on the sign of the change, which is unpredictable on prices.
      const loss = change < 0 ? -change : 0;
      const gain = change < 0 ? 0 : change;
      this.avgLoss = (this.avgLoss * (period - 1) + loss) / period;
      this.avgGain = (this.avgGain * (period - 1) + gain) / period;
    }
    const total = this.avgGain + this.avgLoss;
    this.current = total === 0 ? 50 : 100 * (this.avgGain / total);
  }
}
