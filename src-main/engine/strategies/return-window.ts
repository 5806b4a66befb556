/** Returns whose standard deviation is at most this share of their mean's size count as equal (rounding). */
const EQUAL_RETURNS = 1e-9;

/**
 * A strategy's latest per-bar signal returns, a ring of the last `length` (read only for the Sharpe, so a
 * bar writes at most one slot), and the latest return. Zero returns are counted, not written, until a
 * non-zero return comes or the Sharpe is read: most bars of a strategy without a standing view return 0,
 * and each of them then bumps one counter. What is read is the same as writing every return (−0 reads as
 * 0; a tracked strategy's return is never −0).
 */
export class ReturnWindow {
  private readonly ring: Float64Array;
  /** Returns added so far. */
  private count = 0;
  /** The slot of the next return after the written ones (`count` − `zeros` modulo the length). */
  private slot = 0;
  /** Zero returns added after the written ones, not yet written. */
  private zeros = 0;
  /** The latest non-zero return (the latest return is 0 while `zeros` > 0). */
  private lastNonZero = 0;

  constructor(length: number) {
    this.ring = new Float64Array(Math.max(2, length));
  }

  /** Adds a bar's return. */
  add(r: number): void {
    this.count += 1;
    if (r === 0) {
      this.zeros += 1;
      return;
    }
    if (this.zeros > 0) this.writeZeros();
    this.lastNonZero = r;
    const slot = this.slot;
    this.ring[slot] = r;
    this.slot = slot + 1 === this.ring.length ? 0 : slot + 1;
  }

  /** The latest return added (0 before any). */
  get latest(): number {
    return this.zeros > 0 ? 0 : this.lastNonZero;
  }

  /**
   * Mean over sample standard deviation of the returns in the window; null before two returns, or when
   * they are equal (a standard deviation within rounding of the mean's size, e.g. a price rising by the
   * same ratio every bar). Worked out when asked (the dashboard asks; bars do not), in two passes: the
   * mean, then the squared deviations from it, which stays accurate where running sums cancel. The sums run
   * in slot order.
   */
  sharpe(): number | null {
    if (this.zeros > 0) this.writeZeros();
    const ring = this.ring;
    const n = Math.min(this.count, ring.length);
    if (n < 2) return null;
    let sum = 0;
    for (let i = 0; i < n; i++) sum += ring[i]!;
    const mean = sum / n;
    let squares = 0;
    for (let i = 0; i < n; i++) squares += (ring[i]! - mean) ** 2;
    const sd = Math.sqrt(squares / (n - 1));
    return sd > EQUAL_RETURNS * Math.abs(mean) ? mean / sd : null;
  }

  /**
   * Writes the pending zero returns (only the last ring's worth can still be read); the latest return being
   * one of them, `lastNonZero` becomes 0 until the next non-zero return.
   */
  private writeZeros(): void {
    const ring = this.ring;
    const length = ring.length;
    const zeros = this.zeros;
    this.zeros = 0;
    this.lastNonZero = 0;
    let slot = this.slot;
    if (zeros >= length) {
      ring.fill(0);
      slot += zeros % length;
    } else {
      const end = slot + zeros;
      if (end <= length) ring.fill(0, slot, end);
      else {
        ring.fill(0, slot);
        ring.fill(0, 0, end - length);
      }
      slot = end;
    }
    this.slot = slot >= length ? slot - length : slot;
  }
}
