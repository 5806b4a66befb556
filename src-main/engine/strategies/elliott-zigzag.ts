/** Pivots an Elliott count looks at: a five-wave impulse spans six alternating swing points. */
export const ZIGZAG_SIZE = 6;

const HIGH = 1;
const LOW = -1;

/**
 * The latest confirmed swing points as a strictly alternating high/low sequence (a zigzag), the last
 * `ZIGZAG_SIZE` kept in typed arrays (no allocation per push). Fractal swing points can repeat a kind (two
 * highs without a confirmed low between them); the zigzag keeps the more extreme of such a run: a higher
 * high replaces the last high, a lower low the last low, and a less extreme one is ignored.
 */
export class Zigzag {
  private readonly kinds = new Int8Array(ZIGZAG_SIZE);
  private readonly prices = new Float64Array(ZIGZAG_SIZE);
  /** Slot of the newest pivot. */
  private head = -1;
  private size = 0;

  /** Pivots held (at most ZIGZAG_SIZE). */
  get length(): number {
    return this.size;
  }

  /**
   * Adds a confirmed pivot (`high` true for a swing high). Returns true when the sequence changed
   * (appended, or the last pivot replaced by a more extreme one of its kind).
   */
  push(high: boolean, price: number): boolean {
    const kind = high ? HIGH : LOW;
    if (this.size > 0 && this.kinds[this.head] === kind) {
      const last = this.prices[this.head]!;
      if (high ? price <= last : price >= last) return false;
      this.prices[this.head] = price;
      return true;
    }
    this.head = (this.head + 1) % ZIGZAG_SIZE;
    this.kinds[this.head] = kind;
    this.prices[this.head] = price;
    if (this.size < ZIGZAG_SIZE) this.size += 1;
    return true;
  }

  /** True when the k-th newest pivot (0 = the latest) is a swing high. */
  isHigh(k: number): boolean {
    return this.kinds[this.slot(k)] === HIGH;
  }

  /** Price of the k-th newest pivot (0 = the latest); NaN when fewer than k + 1 are held. */
  price(k: number): number {
    return k < this.size ? this.prices[this.slot(k)]! : NaN;
  }

  private slot(k: number): number {
    return (this.head - k + ZIGZAG_SIZE) % ZIGZAG_SIZE;
  }
}
