import type { Bar } from '../../../src-shared/domain/market';
import type { Side } from '../../../src-shared/domain/trading';
import type { Rng } from '../rng';
import type { BookConfig } from './config';
import type { StepGrid } from './grid';

/** The shape of one instrument's book for one bar, before any price reference is applied. */
export interface BookShape {
  /** Quoted spread, fraction of the mid. */
  spread: number;
  /** Order-flow imbalance −1..1 (EWMA of earlier bars). */
  imbalance: number;
  /** Depth of each side before the imbalance tilt, in units of the instrument. */
  depth: number;
}

/** Result of walking one side (reused between walks: no allocation). */
export interface WalkResult {
  /** Lots taken. */
  lots: number;
  /** Σ quantity × price over the levels taken. */
  notional: number;
}

/**
 * A 10-level (configurable) order book per instrument, formed around a reference price (the bar's open, or
 * a stop's trigger price) for one bar at a time. Level sizes are stored per side in typed arrays and drawn
 * lazily the first time a side is used in a bar; quantity we take stays taken for the rest of the bar, so
 * several orders on one instrument in one bar walk deeper (market impact). O(levels) per walk.
 *
 * - mid = reference × (1 + imbalanceTilt × imbalance × spread / 2): buying pressure lifts the price;
 * - ask level i = mid × (1 + spread / 2 + i × levelSpacing × spread), rounded up to the tick and at least
 *   one tick above the level before it; bids mirror, rounded down;
 * - side depth = depth × (1 ∓ imbalanceTilt × imbalance) (asks thin and bids thicken under buying);
 * - level i holds side depth × (i + 1) / (1 + 2 + … + levels) × uniform(randomMin, randomMax): deeper
 *   levels hold more, each draw from the seeded Rng.
 */
export class OrderBooks {
  private readonly levels: number;
  private readonly weights: Float64Array;
  private readonly sizes: Float64Array;
  private readonly taken: Float64Array;
  /** Bar stamp a side's sizes were drawn for: slot 2 × instrument for the asks, + 1 for the bids. */
  private readonly drawnFor: Float64Array;
  private readonly shapes: BookShape[];
  private readonly steps: Float64Array;

  constructor(
    instruments: number,
    private readonly config: BookConfig,
    private readonly rng: Rng,
    private readonly randomMin: number,
    private readonly randomMax: number,
  ) {
    const n = config.levels;
    this.levels = n;
    const total = (n * (n + 1)) / 2;
    this.weights = Float64Array.from({ length: n }, (_, i) => (i + 1) / total);
    this.sizes = new Float64Array(2 * instruments * n);
    this.taken = new Float64Array(2 * instruments * n);
    this.drawnFor = new Float64Array(2 * instruments).fill(-1);
    this.shapes = Array.from({ length: instruments }, () => ({ spread: 0, imbalance: 0, depth: 0 }));
    this.steps = new Float64Array(n);
  }

  /**
   * Sets an instrument's book shape for a bar: its spread and imbalance, and a side depth of
   * depthShare × volume × referenceVolatility / (referenceVolatility + σ) (volatile bars hold less).
   * Sides are drawn when first walked under a new stamp.
   */
  prepare(index: number, spread: number, imbalance: number, volume: number, sigma: number): void {
    const shape = this.shapes[index]!;
    shape.spread = spread;
    shape.imbalance = imbalance;
    const reference = this.config.referenceVolatility;
    shape.depth = (this.config.depthShare * volume * reference) / (reference + sigma);
  }

  /** Offset of the side a `side` order takes (asks for a buy), drawing its sizes once per stamp. */
  private side(index: number, side: Side, stamp: number): number {
    const slot = 2 * index + (side === 'buy' ? 0 : 1);
    const base = slot * this.levels;
    if (this.drawnFor[slot] !== stamp) {
      const shape = this.shapes[index]!;
      const tilt = this.config.imbalanceTilt * shape.imbalance;
      const depth = shape.depth * (side === 'buy' ? 1 - tilt : 1 + tilt);
      for (let i = 0; i < this.levels; i++) {
        this.sizes[base + i] = depth * this.weights[i]! * this.rng.uniform(this.randomMin, this.randomMax);
        this.taken[base + i] = 0;
      }
      this.drawnFor[slot] = stamp;
    }
    return base;
  }

  /** Tick counts of the levels a `side` order takes, around `reference`, into this.steps; returns the count. */
  private levelSteps(index: number, side: Side, reference: number, tick: StepGrid): number {
    const { spread, imbalance } = this.shapes[index]!;
    const half = spread / 2;
    const mid = reference * (1 + this.config.imbalanceTilt * imbalance * half);
    const spacing = this.config.levelSpacing * spread;
    let previous = 0;
    for (let i = 0; i < this.levels; i++) {
      if (side === 'buy') {
        const steps = tick.ceilSteps(mid * (1 + half + i * spacing));
        previous = i === 0 ? steps : Math.max(steps, previous + 1);
      } else {
        const steps = tick.floorSteps(mid * (1 - half - i * spacing));
        previous = i === 0 ? steps : Math.min(steps, previous - 1);
        if (previous <= 0) return i; // no bid at a price ≤ 0
      }
      this.steps[i] = previous;
    }
    return this.levels;
  }

  /**
   * Walks the side a `side` order takes, from the best level, through the levels priced no worse than
   * `worst` and inside the bar's range, taking at most `maxLots` whole lots. What is taken leaves the book
   * for the rest of the bar. A level beyond the bar's range is not available (the bar did not trade there);
   * a level better than the range (possible only through the imbalance tilt) trades at the range's edge.
   */
  walk(
    index: number,
    stamp: number,
    side: Side,
    reference: number,
    worst: number,
    maxLots: number,
    bar: Bar,
    tick: StepGrid,
    lot: StepGrid,
    out: WalkResult,
  ): WalkResult {
    out.lots = 0;
    out.notional = 0;
    const base = this.side(index, side, stamp);
    const count = this.levelSteps(index, side, reference, tick);
    const buy = side === 'buy';
    const bound = buy ? Math.min(worst, bar.high) : Math.max(worst, bar.low);
    let available = 0;
    let usable = 0;
    for (; usable < count; usable++) {
      const price = tick.value(this.steps[usable]!);
      if (buy ? price > bound : price < bound) break;
      available += this.sizes[base + usable]! - this.taken[base + usable]!;
    }
    // Whole lots only, never more than the levels hold (floor with a tolerance could round up by a hair).
    let lots = Math.min(maxLots, lot.floorSteps(available));
    while (lots > 0 && lot.value(lots) > available) lots -= 1;
    if (lots <= 0) return out;
    out.lots = lots;
    let remaining = lot.value(lots);
    for (let i = 0; i < usable && remaining > 0; i++) {
      const free = this.sizes[base + i]! - this.taken[base + i]!;
      if (free <= 0) continue;
      const take = Math.min(free, remaining);
      const level = tick.value(this.steps[i]!);
      const price = buy ? Math.max(level, bar.low) : Math.min(level, bar.high);
      out.notional += take * price;
      this.taken[base + i] = this.taken[base + i]! + take;
      remaining -= take;
    }
    return out;
  }
}
