import { HighLowWindow } from './high-low-window';
import type { Indicator } from './types';
import { nonFiniteInput, requirePeriod } from './validate';

/**
 * Ichimoku Kinko Hyo (Hosoda; default 9/26/52, displacement 26). With mid(n) = (highest high + lowest low)/2
 * of the last n bars, the current one included:
 * - tenkan = mid(9), kijun = mid(26);
 * - senkouA = (tenkan + kijun)/2 and senkouB = mid(52), computed on this bar and plotted `displacement`
 *   bars ahead;
 * - cloudA / cloudB: the cloud under the current bar, i.e. the senkou spans computed `displacement` bars
 *   ago (what a "price above the cloud" rule compares with; no look-ahead);
 * - chikou = this close, plotted `displacement` bars back; `chikouReference` is the close it is compared
 *   with (the close `displacement` bars ago).
 * The value computed on bar t is plotted on bar t + displacement (charting packages that plot at
 * t + displacement − 1 are matched with displacement 25). All outputs appear together once cloudB exists,
 * after senkouBPeriod + displacement updates (78 by default). No TA-Lib function exists; the tests use a
 * plain O(window) reference.
 */
export class Ichimoku implements Indicator {
  readonly label: string;
  readonly warmUp: number;
  // mid(n) = (highest high + lowest low)/2 of the last n bars, from one high/low window per line.
  private readonly tenkanWindow: HighLowWindow;
  private readonly kijunWindow: HighLowWindow;
  private readonly senkouBWindow: HighLowWindow;
  /**
   * Senkou A, senkou B and the close of the last `displacement` bars, as one ring of triples (slot i at
   * 3i…3i+2), NaN until written: the triple at `delayHead` is the one pushed `displacement` bars ago.
   */
  private readonly delayed: Float64Array;
  private delayHead = 0;
  private seen = 0;
  private tenkanLine = NaN;
  private kijunLine = NaN;
  private spanA = NaN;
  private spanB = NaN;
  private currentCloudA = NaN;
  private currentCloudB = NaN;
  private lagging = NaN;
  private laggingReference = NaN;
  private inputHigh = NaN;
  private inputLow = NaN;
  private inputClose = NaN;

  constructor(
    readonly tenkanPeriod = 9,
    readonly kijunPeriod = 26,
    readonly senkouBPeriod = 52,
    readonly displacement = 26,
  ) {
    requirePeriod('Ichimoku', 'tenkan period', tenkanPeriod);
    requirePeriod('Ichimoku', 'kijun period', kijunPeriod);
    requirePeriod('Ichimoku', 'senkou B period', senkouBPeriod);
    requirePeriod('Ichimoku', 'displacement', displacement);
    this.label = `Ichimoku(${tenkanPeriod},${kijunPeriod},${senkouBPeriod},${displacement})`;
    this.warmUp = Math.max(tenkanPeriod, kijunPeriod, senkouBPeriod) + displacement;
    this.tenkanWindow = new HighLowWindow(tenkanPeriod);
    this.kijunWindow = new HighLowWindow(kijunPeriod);
    this.senkouBWindow = new HighLowWindow(senkouBPeriod);
    this.delayed = new Float64Array(3 * displacement).fill(NaN);
  }

  get ready(): boolean {
    return this.seen >= this.warmUp;
  }

  /** The tenkan line (the primary value); NaN until ready. */
  get value(): number {
    return this.tenkanLine;
  }

  get tenkan(): number {
    return this.tenkanLine;
  }

  get kijun(): number {
    return this.kijunLine;
  }

  /** Leading span A computed on this bar (it belongs to bar t + displacement). */
  get senkouA(): number {
    return this.spanA;
  }

  /** Leading span B computed on this bar (it belongs to bar t + displacement). */
  get senkouB(): number {
    return this.spanB;
  }

  /** Span A of the cloud under the current bar (computed `displacement` bars ago). */
  get cloudA(): number {
    return this.currentCloudA;
  }

  /** Span B of the cloud under the current bar (computed `displacement` bars ago). */
  get cloudB(): number {
    return this.currentCloudB;
  }

  /** The lagging span: this close, plotted `displacement` bars back. */
  get chikou(): number {
    return this.lagging;
  }

  /** The close `displacement` bars ago, which the lagging span is compared with. */
  get chikouReference(): number {
    return this.laggingReference;
  }

  /** Adds a bar; returns the tenkan line, NaN until ready (every other line is set with it). */
  update(high: number, low: number, close: number): number {
    // Tiny so V8 always inlines it; inputs pass through fields (see types.ts).
    this.inputHigh = high;
    this.inputLow = low;
    this.inputClose = close;
    this.advance();
    return this.tenkanLine;
  }

  private advance(): void {
    const high = this.inputHigh;
    const low = this.inputLow;
    const close = this.inputClose;
    if (!Number.isFinite(high)) throw nonFiniteInput(this.label, 'high', high);
    if (!Number.isFinite(low)) throw nonFiniteInput(this.label, 'low', low);
    if (!Number.isFinite(close)) throw nonFiniteInput(this.label, 'close', close);
    this.seen += 1;
    const tenkanWindow = this.tenkanWindow;
    const kijunWindow = this.kijunWindow;
    const senkouBWindow = this.senkouBWindow;
    tenkanWindow.push(high, low);
    kijunWindow.push(high, low);
    senkouBWindow.push(high, low);
    // Before a window is full its mid-range covers the bars seen so far; such values are never exposed.
    const tenkan = (tenkanWindow.highest + tenkanWindow.lowest) / 2;
    const kijun = (kijunWindow.highest + kijunWindow.lowest) / 2;
    const senkouA = (tenkan + kijun) / 2;
    const senkouB = (senkouBWindow.highest + senkouBWindow.lowest) / 2;
    // The ring holds `displacement` triples: the one overwritten now was pushed `displacement` bars ago;
    // what was pushed before every window was full is overwritten before `ready`.
    const delayed = this.delayed;
    const at = 3 * this.delayHead;
    const cloudA = delayed[at]!;
    const cloudB = delayed[at + 1]!;
    const reference = delayed[at + 2]!;
    delayed[at] = senkouA;
    delayed[at + 1] = senkouB;
    delayed[at + 2] = close;
    this.delayHead = this.delayHead + 1 === this.displacement ? 0 : this.delayHead + 1;
    if (this.seen >= this.warmUp) {
      this.tenkanLine = tenkan;
      this.kijunLine = kijun;
      this.spanA = senkouA;
      this.spanB = senkouB;
      this.currentCloudA = cloudA;
      this.currentCloudB = cloudB;
      this.lagging = close;
      this.laggingReference = reference;
    }
  }
}
