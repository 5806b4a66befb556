import { RingBuffer } from './ring-buffer';
import { RollingExtreme } from './rolling-extreme';
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
  // mid(n) = (highest high + lowest low)/2 of the last n bars, from one pair of rolling extremes per line.
  private readonly tenkanHigh: RollingExtreme;
  private readonly tenkanLow: RollingExtreme;
  private readonly kijunHigh: RollingExtreme;
  private readonly kijunLow: RollingExtreme;
  private readonly senkouBHigh: RollingExtreme;
  private readonly senkouBLow: RollingExtreme;
  private readonly delayedSenkouA: RingBuffer;
  private readonly delayedSenkouB: RingBuffer;
  private readonly delayedClose: RingBuffer;
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
    this.tenkanHigh = new RollingExtreme(tenkanPeriod, 'max');
    this.tenkanLow = new RollingExtreme(tenkanPeriod, 'min');
    this.kijunHigh = new RollingExtreme(kijunPeriod, 'max');
    this.kijunLow = new RollingExtreme(kijunPeriod, 'min');
    this.senkouBHigh = new RollingExtreme(senkouBPeriod, 'max');
    this.senkouBLow = new RollingExtreme(senkouBPeriod, 'min');
    this.delayedSenkouA = new RingBuffer(displacement);
    this.delayedSenkouB = new RingBuffer(displacement);
    this.delayedClose = new RingBuffer(displacement);
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
    this.tenkanHigh.push(high);
    this.tenkanLow.push(low);
    this.kijunHigh.push(high);
    this.kijunLow.push(low);
    this.senkouBHigh.push(high);
    this.senkouBLow.push(low);
    // Before a window is full its mid-range covers the bars seen so far; such values are never exposed.
    const tenkan = (this.tenkanHigh.value + this.tenkanLow.value) / 2;
    const kijun = (this.kijunHigh.value + this.kijunLow.value) / 2;
    const senkouA = (tenkan + kijun) / 2;
    const senkouB = (this.senkouBHigh.value + this.senkouBLow.value) / 2;
    // A ring of capacity `displacement` evicts what was pushed `displacement` bars ago; what was pushed before
    // every window was full is evicted before `ready`.
    const cloudA = this.delayedSenkouA.oldest;
    const cloudB = this.delayedSenkouB.oldest;
    const reference = this.delayedClose.oldest;
    this.delayedSenkouA.push(senkouA);
    this.delayedSenkouB.push(senkouB);
    this.delayedClose.push(close);
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
