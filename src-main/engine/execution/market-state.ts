import type { AssetClass, Bar } from '../../../src-shared/domain/market';
import type { BookConfig } from './config';
import { INTRADAY_MAX_INTERVAL_MS, spreadMultiplier, utcHour, volatilityMultiplier } from './time-of-day';

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
 * EWMA of volume, the EWMA of order-flow imbalance, the time of the previous bar (for the bar interval the
 * time-of-day effect needs). Updated once per bar after that bar's orders were worked, so a bar's own
 * close never shapes the book its open trades against.
 */
export class MarketState {
  readonly avgVolume: Float64Array;
  readonly imbalance: Float64Array;
  private readonly previousTime: Float64Array;
  private readonly latest: Float64Array;

  constructor(
    private readonly assetClasses: readonly AssetClass[],
    private readonly book: BookConfig,
    private readonly timeOfDay: boolean,
  ) {
    const n = assetClasses.length;
    this.avgVolume = new Float64Array(n).fill(Number.NaN);
    this.imbalance = new Float64Array(n);
    this.previousTime = new Float64Array(n).fill(Number.NaN);
    // liquidity, spread, sigma of the latest bar, per instrument
    this.latest = new Float64Array(3 * n).fill(Number.NaN);
  }

  /**
   * The UTC hour a bar traded in (its open time, `time − interval`) when bars are intraday, or −1 when the
   * time-of-day effect does not apply (turned off, first bar, or bars 12 h and longer).
   */
  private hourOf(index: number, bar: Bar): number {
    if (!this.timeOfDay) return -1;
    const interval = bar.time - this.previousTime[index]!;
    if (!(interval > 0 && interval < INTRADAY_MAX_INTERVAL_MS)) return -1;
    return utcHour(bar.time - interval);
  }

  /** The time-of-day spread multiplier for this bar. */
  spreadMultiplier(index: number, bar: Bar): number {
    const hour = this.hourOf(index, bar);
    return hour < 0 ? 1 : spreadMultiplier(this.assetClasses[index]!, hour);
  }

  /** σ of the bar: (high − low) / open × the time-of-day volatility multiplier. */
  sigma(index: number, bar: Bar): number {
    const hour = this.hourOf(index, bar);
    const multiplier = hour < 0 ? 1 : volatilityMultiplier(this.assetClasses[index]!, hour);
    return ((bar.high - bar.low) / bar.open) * multiplier;
  }

  /** Liquidity score 0..1 of a bar against the running average volume before it. */
  liquidity(index: number, bar: Bar, sigma: number): number {
    const average = this.avgVolume[index]!;
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

  /** Folds a bar into the running averages; call after the bar's orders were worked. */
  update(index: number, bar: Bar): void {
    const sigma = this.sigma(index, bar);
    const liquidity = this.liquidity(index, bar, sigma);
    const spread = this.spread(this.spreadMultiplier(index, bar), sigma, liquidity);
    this.latest[3 * index] = liquidity;
    this.latest[3 * index + 1] = spread;
    this.latest[3 * index + 2] = sigma;

    const average = this.avgVolume[index]!;
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

  /** The microstructure figures of the latest bar, or null before the instrument's first bar. */
  describe(index: number): Microstructure | null {
    const liquidity = this.latest[3 * index]!;
    if (Number.isNaN(liquidity)) return null;
    return {
      liquidity,
      spread: this.latest[3 * index + 1]!,
      imbalance: this.imbalance[index]!,
      sigma: this.latest[3 * index + 2]!,
    };
  }
}
