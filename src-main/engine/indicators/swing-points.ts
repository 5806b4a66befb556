import { StrictPeaks } from './strict-peaks';
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
 * Windows (left + right) up to this size are checked by scanning the candidate's neighbours, larger ones by
 * StrictPeaks: a scan stops at the first neighbour that is as high (low), usually within a few bars, so on
 * such windows it is the cheaper of the two and never costs more than this many comparisons per side.
 */
const SCANNED_WINDOW = 64;

/**
 * Swing high/low (fractal pivot) detection for Fibonacci retracements and Elliott-wave counting. A bar is a
 * swing high when its high is strictly greater than the highs of the `left` bars before it and the `right`
 * bars after it; a swing low likewise with lows, strictly smaller. A pivot can only be known `right` bars
 * later, so it is reported on the update of the bar that confirms it, never earlier (no look-ahead). One
 * bar can be both (an outside bar); the high is then recorded before the low.
 *
 * The last left + right + 1 bars are kept in a ring stored twice over (slot i and i + size), so the window
 * around the candidate is one contiguous run. For left + right ≤ SCANNED_WINDOW the candidate is compared
 * with its neighbours, nearest first, stopping at the first that is as high (as low): a bounded constant
 * per update, a few comparisons in the common case. Larger windows use a StrictPeaks for the highs and
 * one for the negated lows (O(1) amortised, see there). The last `capacity` pivots are kept in typed
 * arrays; nothing is allocated per update (reading a pivot as an object allocates only on read).
 */
export class SwingPoints {
  readonly label: string;
  /** Updates before the first bar can be confirmed: left + right + 1. */
  readonly warmUp: number;
  /**
   * Highs, negated lows and times of the last warmUp bars, each written at slot i and i + warmUp. A swing
   * low is a swing high of the negated lows (exact for every double, signed zeros included), so one test
   * serves both.
   */
  private readonly highs: Float64Array;
  private readonly negatedLows: Float64Array;
  private readonly times: Float64Array;
  /** For windows over SCANNED_WINDOW: the peaks of the highs and of the negated lows; else null. */
  private readonly highPeaks: StrictPeaks | null;
  private readonly lowPeaks: StrictPeaks | null;
  private readonly pivotKinds: Uint8Array;
  private readonly pivotIndices: Float64Array;
  private readonly pivotTimes: Float64Array;
  private readonly pivotPrices: Float64Array;
  private seen = 0;
  /** The ring slot of the next bar (0 … warmUp − 1). */
  private slot = 0;
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
    this.highs = new Float64Array(2 * this.warmUp);
    this.negatedLows = new Float64Array(2 * this.warmUp);
    this.times = new Float64Array(2 * this.warmUp);
    const scanned = left + right <= SCANNED_WINDOW;
    this.highPeaks = scanned ? null : new StrictPeaks(left, right, this.warmUp);
    this.lowPeaks = scanned ? null : new StrictPeaks(left, right, this.warmUp);
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
    const { highs, negatedLows, times, warmUp } = this;
    const bar = this.seen;
    const slot = this.slot;
    this.seen = bar + 1;
    this.slot = slot + 1 === warmUp ? 0 : slot + 1;
    highs[slot] = high;
    highs[slot + warmUp] = high;
    negatedLows[slot] = -low;
    negatedLows[slot + warmUp] = -low;
    times[slot] = time;
    times[slot + warmUp] = time;
    const highPeaks = this.highPeaks;
    const lowPeaks = this.lowPeaks;
    if (highPeaks !== null && lowPeaks !== null) {
      highPeaks.push(high, bar, slot);
      lowPeaks.push(-low, bar, slot);
    }
    if (bar + 1 < warmUp) return 0;
    // The window runs from slot + 1 (oldest) to slot + warmUp (this bar); the candidate is `right` back.
    const candidate = slot + 1 + this.left;
    let isHigh: boolean;
    let isLow: boolean;
    if (highPeaks !== null && lowPeaks !== null) {
      const ringSlot = candidate < warmUp ? candidate : candidate - warmUp;
      isHigh = highPeaks.isPeak(ringSlot);
      isLow = lowPeaks.isPeak(ringSlot);
    } else {
      isHigh = this.peakAround(highs, candidate);
      isLow = this.peakAround(negatedLows, candidate);
    }
    let confirmed = 0;
    if (isHigh) {
      this.record(HIGH, candidate, highs[candidate]!);
      confirmed += 1;
    }
    if (isLow) {
      this.record(LOW, candidate, -negatedLows[candidate]!);
      confirmed += 1;
    }
    return confirmed;
  }

  /** True when `series[at]` is above the `left` values before it and the `right` after it. */
  private peakAround(series: Float64Array, at: number): boolean {
    const { left, right } = this;
    const value = series[at]!;
    const reach = left > right ? left : right;
    for (let d = 1; d <= reach; d++) {
      if (d <= right && series[at + d]! >= value) return false;
      if (d <= left && series[at - d]! >= value) return false;
    }
    return true;
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

  /** True when the k-th newest kept pivot (0 = the latest; k < pivotCount) is a swing high. No allocation. */
  isHighAt(k: number): boolean {
    return this.pivotKinds[this.slotOf(k)] === HIGH;
  }

  /** The price of the k-th newest kept pivot (k < pivotCount). No allocation. */
  priceAt(k: number): number {
    return this.pivotPrices[this.slotOf(k)]!;
  }

  /** The bar index of the k-th newest kept pivot (k < pivotCount). No allocation. */
  indexAt(k: number): number {
    return this.pivotIndices[this.slotOf(k)]!;
  }

  /** The k (0 = the latest) of the latest kept pivot of one kind, or −1 when none is kept. No allocation. */
  latestOf(kind: SwingKind): number {
    const wanted = kind === 'high' ? HIGH : LOW;
    for (let k = 0; k < this.pivotCount; k++) if (this.pivotKinds[this.slotOf(k)] === wanted) return k;
    return -1;
  }

  private slotOf(k: number): number {
    return (this.recorded - 1 - k) % this.capacity;
  }

  /** Every kept pivot, oldest first. Allocates; meant for analysis (Fibonacci levels, wave counts). */
  pivots(): SwingPivot[] {
    const list: SwingPivot[] = [];
    for (let k = this.pivotCount - 1; k >= 0; k--) list.push(this.pivot(k)!);
    return list;
  }

  /** Stores the candidate bar (`right` bars back, at `at` in the doubled ring) as a pivot of `kind`. */
  private record(kind: number, at: number, price: number): void {
    const slot = this.recorded % this.capacity;
    this.pivotKinds[slot] = kind;
    this.pivotIndices[slot] = this.seen - 1 - this.right;
    this.pivotTimes[slot] = this.times[at]!;
    this.pivotPrices[slot] = price;
    this.recorded += 1;
  }
}
