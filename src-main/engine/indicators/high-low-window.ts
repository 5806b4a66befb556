/**
 * Highest high and lowest low of the last `period` bars, the current one included, by blocks (van Herk /
 * Gil-Werman): the stream is cut into blocks of `period` bars, and the window always spans the tail of the
 * previous block and the head of the current one, so each extreme is that of two numbers: the previous
 * block's extreme from the window's first slot to its end (a suffix extreme, worked out once when the block
 * completed) and the current block's extreme so far (a running prefix extreme). A bar costs one call, two
 * comparisons per side and, once per block, one pass over both blocks: O(1) amortised. Both sides in one
 * object because channels (Donchian, the stochastic, Ichimoku) need both; RollingExtreme is one side of it.
 *
 * Of equal values the newest wins, on both sides (signed zeros included: +0 and −0 compare equal, so the
 * newer is kept). Before `period` bars the window is the bars so far. Inputs are finite (the indicators
 * check them first).
 */
export class HighLowWindow {
  /** The current block's highs and lows, by position in the block. */
  private readonly blockHighs: Float64Array;
  private readonly blockLows: Float64Array;
  /** The previous block's suffix extremes: slot i holds the extreme of its slots i…period−1. */
  private readonly suffixHighs: Float64Array;
  private readonly suffixLows: Float64Array;
  /** Position in the current block of the next bar; the prefixes are the extremes of the slots before it. */
  private position = 0;
  private prefixHigh = -Infinity;
  private prefixLow = Infinity;
  private pushes = 0;
  private high = NaN;
  private low = NaN;

  constructor(readonly period: number) {
    this.blockHighs = new Float64Array(period);
    this.blockLows = new Float64Array(period);
    // Before the first block completes the window is the current block alone: ∓∞ never wins.
    this.suffixHighs = new Float64Array(period).fill(-Infinity);
    this.suffixLows = new Float64Array(period).fill(Infinity);
  }

  /** The highest high of the window; NaN before the first bar. */
  get highest(): number {
    return this.high;
  }

  /** The lowest low of the window; NaN before the first bar. */
  get lowest(): number {
    return this.low;
  }

  /** True once `period` bars have been pushed. */
  get full(): boolean {
    return this.pushes >= this.period;
  }

  /** Adds a bar's high and low (finite) and drops the bar leaving the window; read `highest`, `lowest`. */
  push(high: number, low: number): void {
    const position = this.position;
    // A block starts with prefixes of ∓∞, which a finite value always replaces.
    const prefixHigh = high >= this.prefixHigh ? high : this.prefixHigh;
    const prefixLow = low <= this.prefixLow ? low : this.prefixLow;
    this.blockHighs[position] = high;
    this.blockLows[position] = low;
    this.pushes += 1;
    if (position + 1 < this.period) {
      this.position = position + 1;
      this.prefixHigh = prefixHigh;
      this.prefixLow = prefixLow;
      // The window: this block's slots 0…position and the previous block's slots position+1…period−1.
      const tailHigh = this.suffixHighs[position + 1]!;
      const tailLow = this.suffixLows[position + 1]!;
      this.high = prefixHigh >= tailHigh ? prefixHigh : tailHigh;
      this.low = prefixLow <= tailLow ? prefixLow : tailLow;
      return;
    }
    this.completeBlock();
    this.high = prefixHigh;
    this.low = prefixLow;
  }

  /** The block is full: it becomes the previous block (its suffix extremes), and a new block starts. */
  private completeBlock(): void {
    const { blockHighs, blockLows, suffixHighs, suffixLows } = this;
    const last = this.period - 1;
    let highest = blockHighs[last]!;
    let lowest = blockLows[last]!;
    suffixHighs[last] = highest;
    suffixLows[last] = lowest;
    for (let i = last - 1; i >= 0; i--) {
      // The newer value (nearer the block's end) wins a tie.
      const high = blockHighs[i]!;
      const low = blockLows[i]!;
      if (high > highest) highest = high;
      if (low < lowest) lowest = low;
      suffixHighs[i] = highest;
      suffixLows[i] = lowest;
    }
    this.position = 0;
    this.prefixHigh = -Infinity;
    this.prefixLow = Infinity;
  }
}
