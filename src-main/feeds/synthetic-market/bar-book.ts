/**
 * OHLC accumulators for every instrument slot, in typed arrays (no allocation per bar). Prices are
 * rounded to the slot's tick; a bar opens at the previous bar's close, and its high and low cover the
 * open, the close and every sub-step price seen in between, so each bar is consistent by construction.
 */
export class BarBook {
  readonly open: Float64Array;
  readonly high: Float64Array;
  readonly low: Float64Array;
  readonly close: Float64Array;
  private readonly rawHigh: Float64Array;
  private readonly rawLow: Float64Array;
  private readonly tick: Float64Array;
  /** 1 / tick when that is a whole number (then x·inverse rounds without binary drift), else 0. */
  private readonly inverse: Float64Array;
  private slots = 0;

  constructor(capacity: number) {
    this.open = new Float64Array(capacity);
    this.high = new Float64Array(capacity);
    this.low = new Float64Array(capacity);
    this.close = new Float64Array(capacity);
    this.rawHigh = new Float64Array(capacity);
    this.rawLow = new Float64Array(capacity);
    this.tick = new Float64Array(capacity);
    this.inverse = new Float64Array(capacity);
  }

  /** Adds a slot whose first bar opens at `initialPrice` (rounded to the tick); returns its index. */
  add(tick: number, initialPrice: number): number {
    const slot = this.slots++;
    if (slot >= this.open.length) throw new RangeError(`BarBook holds ${this.open.length} slots`);
    this.reset(slot, tick, initialPrice);
    return slot;
  }

  /** Gives a slot to a new instrument (a newly listed contract) that first opens at `initialPrice`. */
  reset(slot: number, tick: number, initialPrice: number): void {
    this.tick[slot] = tick;
    const inverse = 1 / tick;
    this.inverse[slot] = Math.abs(inverse - Math.round(inverse)) < 1e-9 ? Math.round(inverse) : 0;
    this.close[slot] = this.round(slot, initialPrice);
  }

  /** Rounds a price to the slot's tick. */
  round(slot: number, price: number): number {
    const inverse = this.inverse[slot]!;
    if (inverse > 0) return Math.round(price * inverse) / inverse;
    const tick = this.tick[slot]!;
    return Math.round(price / tick) * tick;
  }

  tickOf(slot: number): number {
    return this.tick[slot]!;
  }

  /** Starts a bar: it opens at the previous close. */
  begin(slot: number): void {
    this.open[slot] = this.close[slot]!;
    this.rawHigh[slot] = -Infinity;
    this.rawLow[slot] = Infinity;
  }

  /** A price traded inside the bar. */
  observe(slot: number, price: number): void {
    if (price > this.rawHigh[slot]!) this.rawHigh[slot] = price;
    if (price < this.rawLow[slot]!) this.rawLow[slot] = price;
  }

  /** Ends the bar at `rawClose`; rounded prices are clamped into [floor, ceiling]. */
  finish(slot: number, rawClose: number, floor: number, ceiling: number): void {
    const open = this.open[slot]!;
    const close = clamp(this.round(slot, rawClose), floor, ceiling);
    this.settle(slot, open, close, floor, ceiling);
  }

  /** Ends the bar at exactly `close` (a settlement at 0 or 1), with the path's extremes kept in bounds. */
  finishAt(slot: number, close: number, floor: number, ceiling: number): void {
    this.settle(slot, this.open[slot]!, close, floor, ceiling);
  }

  private settle(slot: number, open: number, close: number, floor: number, ceiling: number): void {
    let high = Math.max(open, close);
    let low = Math.min(open, close);
    const rawHigh = this.rawHigh[slot]!;
    const rawLow = this.rawLow[slot]!;
    if (rawHigh > -Infinity) high = Math.max(high, clamp(this.round(slot, rawHigh), floor, ceiling));
    if (rawLow < Infinity) low = Math.min(low, clamp(this.round(slot, rawLow), floor, ceiling));
    this.close[slot] = close;
    this.high[slot] = high;
    this.low[slot] = low;
  }
}

function clamp(value: number, floor: number, ceiling: number): number {
  return value < floor ? floor : value > ceiling ? ceiling : value;
}
