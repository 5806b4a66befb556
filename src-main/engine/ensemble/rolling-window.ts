/**
 * A fixed-length window of the latest values in a ring buffer, with O(1) running sum and sum of squares.
 * The sums are of the values minus a shift (the first value, then the window's mean at each exact
 * recomputation), so the variance does not cancel catastrophically when the mean is far from zero.
 * Running sums drift in floating point as values enter and leave; they are recomputed exactly from the
 * buffer once every `capacity` pushes, which keeps the cost O(1) amortised and the drift bounded.
 */
export class RollingWindow {
  private readonly values: Float64Array;
  private head = 0;
  private length = 0;
  private sum = 0;
  private sumSq = 0;
  private shift = 0;
  private pushesSinceExact = 0;
  /** How many of the latest values equal the latest one: the window is constant once it covers it all. */
  private run = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new RangeError(`window length must be a whole number ≥ 1, got ${capacity}`);
    this.values = new Float64Array(capacity);
  }

  get count(): number {
    return this.length;
  }

  /** Appends a value, dropping the oldest once the window is full. */
  push(value: number): void {
    const latest = this.values[(this.head + this.capacity - 1) % this.capacity];
    this.run = this.length > 0 && value === latest ? this.run + 1 : 1;
    if (this.length === this.capacity) {
      const old = this.values[this.head]! - this.shift;
      this.sum -= old;
      this.sumSq -= old * old;
    } else {
      if (this.length === 0) this.shift = value;
      this.length += 1;
    }
    this.values[this.head] = value;
    this.head = (this.head + 1) % this.capacity;
    const shifted = value - this.shift;
    this.sum += shifted;
    this.sumSq += shifted * shifted;
    this.pushesSinceExact += 1;
    if (this.pushesSinceExact >= this.capacity) this.recompute();
  }

  /** Mean of the values held; 0 when empty. */
  mean(): number {
    return this.length === 0 ? 0 : this.shift + this.sum / this.length;
  }

  /** Sample variance (n − 1 in the denominator); 0 with fewer than two values. Never negative. */
  variance(): number {
    const n = this.length;
    // Returns that do not vary have no variance, whatever rounding the running sums still carry.
    if (n < 2 || this.run >= n) return 0;
    return Math.max(0, (this.sumSq - (this.sum * this.sum) / n) / (n - 1));
  }

  /** The i-th oldest value held (0 = oldest). */
  at(i: number): number {
    const start = this.length === this.capacity ? this.head : 0;
    return this.values[(start + i) % this.capacity]!;
  }

  clear(): void {
    this.head = 0;
    this.length = 0;
    this.sum = 0;
    this.sumSq = 0;
    this.shift = 0;
    this.pushesSinceExact = 0;
    this.run = 0;
  }

  private recompute(): void {
    let total = 0;
    for (let i = 0; i < this.length; i++) total += this.values[i]!;
    this.shift = total / this.length;
    let sum = 0;
    let sumSq = 0;
    for (let i = 0; i < this.length; i++) {
      const v = this.values[i]! - this.shift;
      sum += v;
      sumSq += v * v;
    }
    this.sum = sum;
    this.sumSq = sumSq;
    this.pushesSinceExact = 0;
  }
}
