/**
 * A fixed-capacity FIFO of numbers over one Float64Array: no allocation after construction. Once full, each
 * push evicts and returns the oldest value, so a ring of capacity d turns a stream into the same stream
 * delayed by d updates.
 */
export class RingBuffer {
  private readonly data: Float64Array;
  /** Where the next value is written. */
  private head = 0;
  private size = 0;

  constructor(readonly capacity: number) {
    this.data = new Float64Array(capacity);
  }

  get length(): number {
    return this.size;
  }

  get full(): boolean {
    return this.size === this.capacity;
  }

  /** Appends `x`; returns the value it evicts (the one pushed `capacity` updates ago), NaN until full. */
  push(x: number): number {
    const at = this.head;
    const evicted = this.size === this.capacity ? this.data[at]! : NaN;
    this.data[at] = x;
    this.head = at + 1 === this.capacity ? 0 : at + 1;
    if (this.size < this.capacity) this.size += 1;
    return evicted;
  }

  /** The k-th newest value (0 = the last pushed); NaN when fewer than k + 1 values are held. */
  fromNewest(k: number): number {
    if (k < 0 || k >= this.size) return NaN;
    const at = this.head - 1 - k;
    return this.data[at < 0 ? at + this.capacity : at]!;
  }
}
