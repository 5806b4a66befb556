/**
 * A fixed-capacity FIFO of numbers over one Float64Array: no allocation after construction. `oldest` is the
 * value the next push will evict (the one pushed `capacity` pushes earlier), NaN until the ring is full,
 * so a ring of capacity d turns a stream into the same stream delayed by d updates.
 *
 * Like every class here (see types.ts), a method taking a double is a wrapper small enough for V8 to
 * always inline, and results are read from getters: no heap numbers are boxed per update.
 */
export class RingBuffer {
  /** Starts as NaN so unwritten slots read as "no value" without a branch. */
  private readonly data: Float64Array;
  /** Where the next value is written; once full, also where the oldest value is. */
  private head = 0;
  private size = 0;

  constructor(readonly capacity: number) {
    this.data = new Float64Array(capacity).fill(NaN);
  }

  get length(): number {
    return this.size;
  }

  get full(): boolean {
    return this.size === this.capacity;
  }

  /** The value the next push evicts (pushed `capacity` pushes ago, or the oldest held); NaN until full. */
  get oldest(): number {
    return this.data[this.head]!;
  }

  /** Appends `x`, overwriting the oldest value once full. */
  push(x: number): void {
    this.data[this.head] = x;
    this.advance();
  }

  private advance(): void {
    this.head = this.head + 1 === this.capacity ? 0 : this.head + 1;
    if (this.size < this.capacity) this.size += 1;
  }

  /** The k-th newest value (0 = the last pushed); NaN when fewer than k + 1 values are held. */
  fromNewest(k: number): number {
    if (k < 0 || k >= this.size) return NaN;
    const at = this.head - 1 - k;
    return this.data[at < 0 ? at + this.capacity : at]!;
  }
}
