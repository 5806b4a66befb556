import { RingBuffer } from './ring-buffer';
import { RollingExtreme } from './rolling-extreme';
import { nonFiniteInput, requirePeriod } from './validate';

export type SwingKind = 'high' | 'low';

/** A confirmed swing point. */
export interface SwingPivot {
  kind: SwingKind;
  /** Bar index counted from the detector's first update (0-based). */
  index: number;
  /** The bar's time as given to `update` (engine time). */
  time: number;
  /** The bar's high for a swing high, its low for a swing low. */
  price: number;
}

const HIGH = 1;
const LOW = 2;

/**
 * Swing high/low (fractal pivot) detection for Fibonacci retracements and Elliott-wave counting. A bar is a
 * swing high when its high is strictly greater than the highs of the `left` bars before it and the `right`
 * bars after it; a swing low likewise with lows, strictly smaller. A pivot can only be known `right` bars
 * later, so it is reported on the update of the bar that confirms it, never earlier (no look-ahead). One
 * bar can be both (an outside bar); the high is then recorded before the low.
 *
 * O(1) amortised per update: the highs of the `right` bars after the candidate and of the `left` bars
 * before it are two sliding windows, each kept by a RollingExtreme (the before-window is fed the stream
 * delayed by right + 1 bars). The last `capacity` pivots are kept in typed arrays; nothing is allocated per
 * update (reading a pivot as an object allocates only on read).
 */
export class SwingPoints {
  readonly label: string;
  /** Updates before the first bar can be confirmed: left + right + 1. */
  readonly warmUp: number;
  private readonly recentHighs: RingBuffer;
  private readonly recentLows: RingBuffer;
  private readonly recentTimes: RingBuffer;
  private readonly highsAfter: RollingExtreme;
  private readonly lowsAfter: RollingExtreme;
  private readonly highsBefore: RollingExtreme;
  private readonly lowsBefore: RollingExtreme;
  private readonly pivotKinds: Uint8Array;
  private readonly pivotIndices: Float64Array;
  private readonly pivotTimes: Float64Array;
  private readonly pivotPrices: Float64Array;
  private seen = 0;
  private recorded = 0;
  private inputHigh = NaN;
  private inputLow = NaN;
  private inputTime = NaN;

  constructor(
    readonly left = 5,
    readonly right = 5,
    readonly capacity = 256,
  ) {
    requirePeriod('Swing points', 'left', left);
    requirePeriod('Swing points', 'right', right);
    requirePeriod('Swing points', 'capacity', capacity);
    this.label = `Swing points(${left},${right})`;
    this.warmUp = left + right + 1;
    this.recentHighs = new RingBuffer(right + 1);
    this.recentLows = new RingBuffer(right + 1);
    this.recentTimes = new RingBuffer(right + 1);
    this.highsAfter = new RollingExtreme(right, 'max');
    this.lowsAfter = new RollingExtreme(right, 'min');
    this.highsBefore = new RollingExtreme(left, 'max');
    this.lowsBefore = new RollingExtreme(left, 'min');
    this.pivotKinds = new Uint8Array(capacity);
    this.pivotIndices = new Float64Array(capacity);
    this.pivotTimes = new Float64Array(capacity);
    this.pivotPrices = new Float64Array(capacity);
  }

  /** True once bars can be confirmed (`warmUp` updates seen). */
  get ready(): boolean {
    return this.seen >= this.warmUp;
  }

  /** Pivots confirmed since the start (also those no longer kept). */
  get totalPivots(): number {
    return this.recorded;
  }

  /** Pivots kept: the last min(totalPivots, capacity). */
  get pivotCount(): number {
    return this.recorded < this.capacity ? this.recorded : this.capacity;
  }

  /**
   * Adds a bar; returns how many pivots it confirmed (0, 1 or 2): the bar `right` bars back is checked
   * against the `left` bars before it and the `right` bars after it.
   */
  update(high: number, low: number, time: number): number {
    // Tiny so V8 always inlines it; inputs pass through fields (see types.ts).
    this.inputHigh = high;
    this.inputLow = low;
    this.inputTime = time;
    return this.advance();
  }

  /** Returns how many pivots the bar confirmed (a small integer, which V8 does not box). */
  private advance(): number {
    const high = this.inputHigh;
    const low = this.inputLow;
    const time = this.inputTime;
    if (!Number.isFinite(high)) throw nonFiniteInput(this.label, 'high', high);
    if (!Number.isFinite(low)) throw nonFiniteInput(this.label, 'low', low);
    if (!Number.isFinite(time)) throw nonFiniteInput(this.label, 'time', time);
    this.seen += 1;
    // The bar leaving the recent window (right + 1 bars back) joins the before-window of the candidate.
    const leavingHigh = this.recentHighs.oldest;
    const leavingLow = this.recentLows.oldest;
    this.recentHighs.push(high);
    this.recentLows.push(low);
    this.recentTimes.push(time);
    this.highsAfter.push(high);
    this.lowsAfter.push(low);
    if (Number.isNaN(leavingHigh)) return 0;
    this.highsBefore.push(leavingHigh);
    this.lowsBefore.push(leavingLow);
    if (!this.highsBefore.full) return 0;
    // The candidate is now the oldest bar of the recent window: `right` bars back.
    const candidateHigh = this.recentHighs.oldest;
    const candidateLow = this.recentLows.oldest;
    let confirmed = 0;
    if (candidateHigh > this.highsBefore.value && candidateHigh > this.highsAfter.value) {
      this.record(HIGH);
      confirmed += 1;
    }
    if (candidateLow < this.lowsBefore.value && candidateLow < this.lowsAfter.value) {
      this.record(LOW);
      confirmed += 1;
    }
    return confirmed;
  }

  /** The k-th newest kept pivot (0 = the latest), or undefined. Allocates the returned object. */
  pivot(k: number): SwingPivot | undefined {
    if (!Number.isInteger(k) || k < 0 || k >= this.pivotCount) return undefined;
    const slot = (this.recorded - 1 - k) % this.capacity;
    return {
      kind: this.pivotKinds[slot] === HIGH ? 'high' : 'low',
      index: this.pivotIndices[slot]!,
      time: this.pivotTimes[slot]!,
      price: this.pivotPrices[slot]!,
    };
  }

  /** The latest kept pivot of one kind, or undefined. */
  latest(kind: SwingKind): SwingPivot | undefined {
    const wanted = kind === 'high' ? HIGH : LOW;
    for (let k = 0; k < this.pivotCount; k++) {
      if (this.pivotKinds[(this.recorded - 1 - k) % this.capacity] === wanted) return this.pivot(k);
    }
    return undefined;
  }

  /** Every kept pivot, oldest first. Allocates; meant for analysis (Fibonacci levels, wave counts). */
  pivots(): SwingPivot[] {
    const list: SwingPivot[] = [];
    for (let k = this.pivotCount - 1; k >= 0; k--) list.push(this.pivot(k)!);
    return list;
  }

  /** Stores the candidate bar (`right` bars back) as a pivot of `kind`. */
  private record(kind: number): void {
    const slot = this.recorded % this.capacity;
    this.pivotKinds[slot] = kind;
    this.pivotIndices[slot] = this.seen - 1 - this.right;
    this.pivotTimes[slot] = this.recentTimes.oldest;
    this.pivotPrices[slot] = kind === HIGH ? this.recentHighs.oldest : this.recentLows.oldest;
    this.recorded += 1;
  }
}
