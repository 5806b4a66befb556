/**
 * Maximum (or minimum) of the last `period` values, by blocks (van Herk / Gil-Werman): the stream is cut
 * into blocks of `period` values. The window always spans the tail of the previous block and the head of
 * the current one, so its extreme is that of two numbers: the previous block's extreme from the window's
 * first slot to the block's end (a suffix extreme, worked out once when the block completed) and the
 * current block's extreme so far (a running prefix extreme). A push costs two comparisons plus, once per
 * block, one pass over it: O(1) amortised, branch-free in the common case, nothing allocated after
 * construction.
 *
 * A minimum is the maximum of the negated values, negated back (exact for every double, signed zeros
 * included). Of equal values the newest is the extreme, as with a monotonic deque; inputs are finite (the
 * indicators check them before pushing).
 */
export class RollingExtreme {
  /** The current block's values, times `sign`, by position in the block. */
  private readonly block: Float64Array;
  /** The previous block's suffix maxima (times `sign`): slot i holds the maximum of its slots i…period−1. */
  private readonly suffix: Float64Array;
  /** +1 for a maximum, −1 for a minimum. */
  private readonly sign: number;
  /** Position in the current block of the next value; `prefix` is the maximum of the slots before it. */
  private position = 0;
  private prefix = -Infinity;
  private pushes = 0;
  private current = NaN;
  /** The value being pushed (a field, so advance() takes no arguments; see types.ts). */
  private input = NaN;

  constructor(
    readonly period: number,
    readonly kind: 'max' | 'min',
  ) {
    this.block = new Float64Array(period);
    // Before the first block completes the window is the current block alone: −∞ never wins.
    this.suffix = new Float64Array(period).fill(-Infinity);
    this.sign = kind === 'max' ? 1 : -1;
  }

  /** True once `period` values have been pushed. */
  get full(): boolean {
    return this.pushes >= this.period;
  }

  /** The extreme of the last `period` values (fewer before it is full); NaN before the first push. */
  get value(): number {
    return this.current;
  }

  /** Adds `x` and drops the value leaving the window (read the extreme from `value`). */
  push(x: number): void {
    this.input = x;
    this.advance();
  }

  private advance(): void {
    const sign = this.sign;
    const x = sign * this.input;
    const position = this.position;
    const prefix = position === 0 || x >= this.prefix ? x : this.prefix;
    this.block[position] = x;
    this.pushes += 1;
    if (position + 1 < this.period) {
      this.position = position + 1;
      this.prefix = prefix;
      // The window: this block's slots 0…position and the previous block's slots position+1…period−1.
      const tail = this.suffix[position + 1]!;
      this.current = sign * (prefix >= tail ? prefix : tail);
      return;
    }
    this.completeBlock();
    this.current = sign * prefix;
  }

  /** The block is full: it becomes the previous block (its suffix maxima), and a new block starts. */
  private completeBlock(): void {
    const { block, suffix } = this;
    let running = block[this.period - 1]!;
    suffix[this.period - 1] = running;
    for (let i = this.period - 2; i >= 0; i--) {
      const value = block[i]!;
      // The newer value (nearer the block's end) wins a tie.
      if (value > running) running = value;
      suffix[i] = running;
    }
    this.position = 0;
    this.prefix = -Infinity;
  }
}
