import type { AssetClass, Bar } from '../../../src-shared/domain/market';
import { grownCapacity, grownFloat64, grownUint8 } from './capacity';
import type { BookConfig } from './config';
import {
  INTRADAY_MAX_INTERVAL_MS,
  isRoundTheClock,
  spreadMultiplier,
  utcHour,
  volatilityMultiplier,
} from './time-of-day';

/** What the microstructure model says about an instrument after its latest bar. */
export interface Microstructure {
  /** 0..1: r / (r + 1 + σ / referenceVolatility), r the bar's volume over its running average. */
  liquidity: number;
  /** Quoted spread as a fraction of the mid. */
  spread: number;
  /** EWMA of order-flow imbalance, −1 (selling) .. +1 (buying). */
  imbalance: number;
  /** σ of the bar: range over open × time-of-day volatility multiplier. */
  sigma: number;
}

/**
 * Rolling per-instrument state of the microstructure model in typed arrays, indexed by instrument: the
 * EWMA of volume, the EWMA of order-flow imbalance, the time of the previous bar and the bar length (for the
 * open time the time-of-day effect needs). Updated once per bar after that bar's orders were worked, so a bar's own
 * close never shapes the book its open trades against. Instruments listed later are appended with add();
 * the arrays double when full, so they are replaced then (index them through this object).
 */
export class MarketState {
  private avgVolume: Float64Array;
  private imbalance: Float64Array;
  private previousTime: Float64Array;
  /**
   * The instrument's bar length: the shortest interval between two of its consecutive bars so far (NaN
   * before two). A bar opened one bar length before its time, also the first bar after a night or weekend.
   */
  private barLength: Float64Array;
  // The latest bar and the state before it, so describe() can compute its figures on demand.
  private readonly latestBar: (Bar | undefined)[];
  private avgVolumeBefore: Float64Array;
  private timeBefore: Float64Array;
  private barLengthBefore: Float64Array;
  private roundTheClock: Uint8Array;
  private readonly assetClasses: AssetClass[];
  /** Time-of-day multipliers of the bar last given to timeOfDayFor. */
  hourSpread = 1;
  hourVolatility = 1;

  constructor(
    assetClasses: readonly AssetClass[],
    private readonly book: BookConfig,
    private readonly timeOfDay: boolean,
  ) {
    this.assetClasses = [...assetClasses];
    const n = assetClasses.length;
    this.avgVolume = new Float64Array(n).fill(Number.NaN);
    this.imbalance = new Float64Array(n);
    this.previousTime = new Float64Array(n).fill(Number.NaN);
    this.barLength = new Float64Array(n).fill(Number.NaN);
    this.barLengthBefore = new Float64Array(n).fill(Number.NaN);
    this.latestBar = new Array<Bar | undefined>(n);
    this.avgVolumeBefore = new Float64Array(n).fill(Number.NaN);
    this.timeBefore = new Float64Array(n).fill(Number.NaN);
    this.roundTheClock = Uint8Array.from(assetClasses, (c) => (isRoundTheClock(c) ? 1 : 0));
  }

  /** Appends an instrument with no bars yet and returns its index (amortised O(1)). */
  add(assetClass: AssetClass): number {
    const index = this.assetClasses.length;
    if (index >= this.avgVolume.length) {
      const capacity = grownCapacity(this.avgVolume.length, index + 1);
      this.avgVolume = grownFloat64(this.avgVolume, capacity, Number.NaN);
      this.imbalance = grownFloat64(this.imbalance, capacity);
      this.previousTime = grownFloat64(this.previousTime, capacity, Number.NaN);
      this.barLength = grownFloat64(this.barLength, capacity, Number.NaN);
      this.barLengthBefore = grownFloat64(this.barLengthBefore, capacity, Number.NaN);
      this.avgVolumeBefore = grownFloat64(this.avgVolumeBefore, capacity, Number.NaN);
      this.timeBefore = grownFloat64(this.timeBefore, capacity, Number.NaN);
      this.roundTheClock = grownUint8(this.roundTheClock, capacity);
    }
    this.assetClasses.push(assetClass);
    this.latestBar.push(undefined);
    this.roundTheClock[index] = isRoundTheClock(assetClass) ? 1 : 0;
    return index;
  }

  /**
   * Sets `hourSpread` and `hourVolatility` to the time-of-day multipliers of a new bar: the table of its
   * asset class at the UTC hour it traded in (its open time, `time − bar length`, the interval since the
   * previous bar counting toward the length), or 1 when the effect does not apply (turned off, a 24h
   * market, the first bar, or bars 12 h and longer).
   */
  timeOfDayFor(
    index: number,
    bar: Bar,
    previousTime = this.previousTime[index]!,
    knownLength = this.barLength[index]!,
  ): void {
    this.hourSpread = 1;
    this.hourVolatility = 1;
    if (!this.timeOfDay || this.roundTheClock[index] === 1) return;
    const length = shorter(knownLength, bar.time - previousTime);
    if (!(length > 0 && length < INTRADAY_MAX_INTERVAL_MS)) return;
    const hour = utcHour(bar.time - length);
    const assetClass = this.assetClasses[index]!;
    this.hourSpread = spreadMultiplier(assetClass, hour);
    this.hourVolatility = volatilityMultiplier(assetClass, hour);
  }

  /** EWMA of order-flow imbalance of an instrument, including its latest bar (0 before its first). */
  imbalanceOf(index: number): number {
    return this.imbalance[index]!;
  }

  /** σ of a bar: (high − low) / open × the volatility multiplier set by timeOfDayFor. */
  sigma(bar: Bar): number {
    return ((bar.high - bar.low) / bar.open) * this.hourVolatility;
  }

  /** Liquidity score 0..1 of a new bar against the running average volume before it. */
  liquidity(index: number, bar: Bar, sigma: number, average = this.avgVolume[index]!): number {
    const ratio = average > 0 ? bar.volume / average : bar.volume > 0 ? 1 : 0;
    return ratio / (ratio + 1 + sigma / this.book.referenceVolatility);
  }

  /** Quoted spread (fraction of mid): time of day × (baseSpread + spreadVolatility × σ) / (0.5 + liquidity). */
  spread(spreadMultiplierValue: number, sigma: number, liquidity: number): number {
    return (
      (spreadMultiplierValue * (this.book.baseSpread + this.book.spreadVolatility * sigma)) /
      (0.5 + liquidity)
    );
  }

  /** Folds a bar into the running averages; call after the bar's orders were worked. O(1), no allocation. */
  update(index: number, bar: Bar): void {
    const average = this.avgVolume[index]!;
    this.latestBar[index] = bar;
    this.avgVolumeBefore[index] = average;
    this.timeBefore[index] = this.previousTime[index]!;
    this.barLengthBefore[index] = this.barLength[index]!;
    this.barLength[index] = shorter(this.barLength[index]!, bar.time - this.previousTime[index]!);
    const beta = this.book.volumeSmoothing;
    this.avgVolume[index] = Number.isNaN(average) ? bar.volume : beta * average + (1 - beta) * bar.volume;
    // Order-flow imbalance of a bar from its body within its range (Bulk Volume Classification-like
    // proxy: a bar closing at its high was bought throughout).
    const range = bar.high - bar.low;
    const flow = range > 0 ? (bar.close - bar.open) / range : 0;
    const alpha = this.book.imbalanceSmoothing;
    this.imbalance[index] = alpha * this.imbalance[index]! + (1 - alpha) * flow;
    this.previousTime[index] = bar.time;
  }

  /**
   * The microstructure figures of an instrument's latest bar (liquidity, spread and σ as that bar's book
   * had them; the imbalance including that bar), or null before its first bar.
   */
  describe(index: number): Microstructure | null {
    const bar = this.latestBar[index];
    if (!bar) return null;
    this.timeOfDayFor(index, bar, this.timeBefore[index]!, this.barLengthBefore[index]!);
    const sigma = this.sigma(bar);
    const liquidity = this.liquidity(index, bar, sigma, this.avgVolumeBefore[index]!);
    const spread = this.spread(this.hourSpread, sigma, liquidity);
    return { liquidity, spread, imbalance: this.imbalance[index]!, sigma };
  }
}

/** The shorter of a known bar length (NaN: none yet) and a new positive interval (NaN or ≤ 0: none). */
function shorter(known: number, interval: number): number {
  return interval > 0 && !(interval >= known) ? interval : known;
}
