import { RingBuffer } from './ring-buffer';

/**
 * Sum of the last `period` values, O(1) per push. A running sum (add the new value, subtract the evicted
 * one) accumulates rounding error without bound over a long series; so a second sum accumulates the values
 * pushed since the last rebase, and every `period` pushes, when it covers exactly the current window, it
 * replaces the running sum. The error therefore never exceeds that of ~2·period additions
 * (≈ 2·period·2⁻⁵³·max|x|), however long the series.
 */
export class RollingSum {
  private readonly window: RingBuffer;
  private running = 0;
  private fresh = 0;
  private freshCount = 0;
  /** The value being pushed (a field, so advance() takes no arguments; see types.ts). */
  private input = NaN;

  constructor(readonly period: number) {
    this.window = new RingBuffer(period);
  }

  /** True once `period` values have been pushed. */
  get full(): boolean {
    return this.window.full;
  }

  /** Sum of the values held (all of them until full, then the last `period`). */
  get sum(): number {
    return this.running;
  }

  /** Adds `x` and drops the value that leaves the window (read the result from `sum`). */
  push(x: number): void {
    this.input = x;
    this.advance();
  }

  private advance(): void {
    const x = this.input;
    const wasFull = this.window.full;
    const evicted = this.window.oldest;
    this.window.push(x);
    this.running += x;
    if (wasFull) this.running -= evicted;
    this.fresh += x;
    this.freshCount += 1;
    if (this.freshCount === this.period) {
      this.running = this.fresh;
      this.fresh = 0;
      this.freshCount = 0;
    }
  }
}
