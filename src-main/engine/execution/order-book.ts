import type { Bar } from '../../../src-shared/domain/market';
import type { Side } from '../../../src-shared/domain/trading';
import type { Rng } from '../rng';
import { grownCapacity, grownFloat64, grownInt32 } from './capacity';
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
  /**
   * notional / quantity, held between the first and the last level taken: the division can land an ulp
   * outside them (11 × 100.12 / 11 = 100.12000000000002), beyond the bar's high or the order's limit.
   */
  price: number;
}

/**
 * A 10-level (configurable) order book per instrument, formed around a reference price (the bar's open, or
 * a stop's trigger price) for one bar at a time. Level sizes are stored per side in typed arrays and drawn
 * lazily, level by level, as far as orders reach in a bar; quantity we take stays taken for the rest of the bar, so
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
  /** Instruments the arrays have room for (they double when an added instrument does not fit). */
  private capacity: number;
  private sizes: Float64Array;
  private taken: Float64Array;
  /** Bar stamp a side's sizes were drawn for: slot 2 × instrument for the asks, + 1 for the bids. */
  private drawnFor: Float64Array;
  private readonly shapes: BookShape[];
  private readonly steps: Float64Array;
  private sideDepth: Float64Array;
  /** Levels of a side drawn so far under its stamp. */
  private drawn: Int32Array;
  /** The tick grid of the walk in progress. */
  private tick!: StepGrid;

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
    this.capacity = instruments;
    this.sizes = new Float64Array(2 * instruments * n);
    this.taken = new Float64Array(2 * instruments * n);
    this.drawnFor = new Float64Array(2 * instruments).fill(-1);
    this.shapes = Array.from({ length: instruments }, () => ({ spread: 0, imbalance: 0, depth: 0 }));
    this.steps = new Float64Array(n);
    this.sideDepth = new Float64Array(2 * instruments);
    this.drawn = new Int32Array(2 * instruments);
  }

  /**
   * Makes room for books of `instruments` instruments (those listed after the start): an empty book for
   * each new one. Amortised O(levels) per instrument; draws nothing from the Rng.
   */
  ensureCapacity(instruments: number): void {
    if (instruments > this.capacity) {
      const capacity = grownCapacity(this.capacity, instruments);
      const levels = this.levels;
      this.sizes = grownFloat64(this.sizes, 2 * capacity * levels);
      this.taken = grownFloat64(this.taken, 2 * capacity * levels);
      this.drawnFor = grownFloat64(this.drawnFor, 2 * capacity, -1);
      this.sideDepth = grownFloat64(this.sideDepth, 2 * capacity);
      this.drawn = grownInt32(this.drawn, 2 * capacity);
      this.capacity = capacity;
    }
    while (this.shapes.length < instruments) this.shapes.push({ spread: 0, imbalance: 0, depth: 0 });
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

  /** Offset of the side a `side` order takes (asks for a buy); a new stamp empties it for redrawing. */
  private side(index: number, side: Side, stamp: number): number {
    const slot = 2 * index + (side === 'buy' ? 0 : 1);
    if (this.drawnFor[slot] !== stamp) {
      const shape = this.shapes[index]!;
      const tilt = this.config.imbalanceTilt * shape.imbalance;
      this.sideDepth[slot] = shape.depth * (side === 'buy' ? 1 - tilt : 1 + tilt);
      this.drawn[slot] = 0;
      this.drawnFor[slot] = stamp;
    }
    return slot;
  }

  /** Free size of level i of a side, drawing the sizes up to it first (in level order: deterministic). */
  private free(slot: number, level: number): number {
    const base = slot * this.levels;
    for (let i = this.drawn[slot]!; i <= level; i++) {
      this.sizes[base + i] =
        this.sideDepth[slot]! * this.weights[i]! * this.rng.uniform(this.randomMin, this.randomMax);
      this.taken[base + i] = 0;
      this.drawn[slot] = i + 1;
    }
    return this.sizes[base + level]! - this.taken[base + level]!;
  }

  /**
   * Tick count of level i of the side a `side` order takes around `mid`, at least one tick beyond level
   * i − 1 (`previous`); 0 when a bid would be at a price ≤ 0.
   */
  private levelSteps(
    side: Side,
    mid: number,
    half: number,
    spacing: number,
    i: number,
    previous: number,
  ): number {
    if (side === 'buy') {
      const steps = this.tick.ceilSteps(mid * (1 + half + i * spacing));
      return i === 0 ? steps : Math.max(steps, previous + 1);
    }
    const steps = this.tick.floorSteps(mid * (1 - half - i * spacing));
    return Math.max(0, i === 0 ? steps : Math.min(steps, previous - 1));
  }

  /**
   * Walks the side a `side` order takes, from the best level, through the levels priced no worse than
   * `worst` and inside the bar's range, taking at most `maxLots` whole lots. What is taken leaves the book
   * for the rest of the bar. A level beyond the bar's range is not available (the bar did not trade there);
   * a level better than the range (possible only through the imbalance tilt) trades at the range's edge.
   * Levels are priced and drawn only as far as the order reaches.
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
    out.price = 0;
    this.tick = tick;
    const slot = this.side(index, side, stamp);
    const { spread, imbalance } = this.shapes[index]!;
    const half = spread / 2;
    const mid = reference * (1 + this.config.imbalanceTilt * imbalance * half);
    const spacing = this.config.levelSpacing * spread;
    const buy = side === 'buy';
    const bound = buy ? Math.min(worst, bar.high) : Math.max(worst, bar.low);
    const wanted = lot.value(maxLots);
    let available = 0;
    let usable = 0;
    let steps = 0;
    while (usable < this.levels && available < wanted) {
      steps = this.levelSteps(side, mid, half, spacing, usable, steps);
      const price = tick.value(steps);
      if (steps <= 0 || (buy ? price > bound : price < bound)) break;
      this.steps[usable] = steps;
      available += this.free(slot, usable);
      usable += 1;
    }
    // Whole lots only, never more than the levels hold (floor with a tolerance could round up by a hair).
    let lots = Math.min(maxLots, lot.floorSteps(available));
    while (lots > 0 && lot.value(lots) > available) lots -= 1;
    if (lots <= 0) return out;
    out.lots = lots;
    const qty = lot.value(lots);
    let remaining = qty;
    let first = Number.NaN;
    let last = Number.NaN;
    const base = slot * this.levels;
    for (let i = 0; i < usable && remaining > 0; i++) {
      const free = this.sizes[base + i]! - this.taken[base + i]!;
      if (free <= 0) continue;
      const take = Math.min(free, remaining);
      const level = tick.value(this.steps[i]!);
      const price = buy ? Math.max(level, bar.low) : Math.min(level, bar.high);
      if (Number.isNaN(first)) first = price;
      last = price;
      out.notional += take * price;
      this.taken[base + i] = this.taken[base + i]! + take;
      remaining -= take;
    }
    // Levels are taken best first: a buy's prices rise from `first` to `last`, a sell's fall.
    const average = out.notional / qty;
    out.price = buy ? Math.min(Math.max(average, first), last) : Math.min(Math.max(average, last), first);
    return out;
  }
}
