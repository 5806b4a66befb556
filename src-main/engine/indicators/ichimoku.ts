import { RingBuffer } from './ring-buffer';
import { RollingExtreme } from './rolling-extreme';
import type { Indicator } from './types';
import { nonFiniteInput, requirePeriod } from './validate';

/** A rolling (highest high + lowest low) / 2, the building block of every Ichimoku line. */
class MidRange {
  private readonly highest: RollingExtreme;
  private readonly lowest: RollingExtreme;

  constructor(period: number) {
    this.highest = new RollingExtreme(period, 'max');
    this.lowest = new RollingExtreme(period, 'min');
  }

  /** Adds a bar; returns the mid-range of the window, NaN until it is full. */
  push(high: number, low: number): number {
    const highest = this.highest.push(high);
    const lowest = this.lowest.push(low);
    return this.highest.full ? (highest + lowest) / 2 : NaN;
  }
}

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
  private readonly tenkanRange: MidRange;
  private readonly kijunRange: MidRange;
  private readonly senkouBRange: MidRange;
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
    this.tenkanRange = new MidRange(tenkanPeriod);
    this.kijunRange = new MidRange(kijunPeriod);
    this.senkouBRange = new MidRange(senkouBPeriod);
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
    if (!Number.isFinite(high)) throw nonFiniteInput(this.label, 'high', high);
    if (!Number.isFinite(low)) throw nonFiniteInput(this.label, 'low', low);
    if (!Number.isFinite(close)) throw nonFiniteInput(this.label, 'close', close);
    this.seen += 1;
    const tenkan = this.tenkanRange.push(high, low);
    const kijun = this.kijunRange.push(high, low);
    const senkouA = (tenkan + kijun) / 2;
    const senkouB = this.senkouBRange.push(high, low);
    // A ring of capacity `displacement` hands back what was pushed `displacement` bars ago.
    const cloudA = this.delayedSenkouA.push(senkouA);
    const cloudB = this.delayedSenkouB.push(senkouB);
    const reference = this.delayedClose.push(close);
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
    return this.tenkanLine;
  }
}
