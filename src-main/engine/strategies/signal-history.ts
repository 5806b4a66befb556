import type { Signal } from '../../../src-shared/domain/strategy';

/**
 * A strategy's latest `capacity` signals, kept as runs of the same list: a standing view hands out the same
 * decision (the same signals array) step after step, so a repeat only counts up its run instead of writing
 * its signals again. The list it gives is exactly the last `capacity` signals added, oldest first.
 */
export class SignalHistory {
  /** A ring of runs: a list of signals and how many times in a row it was added. */
  private readonly lists: (readonly Signal[] | null)[];
  private readonly counts: Float64Array;
  private first = 0;
  private size = 0;
  /** Signals the runs cover; the window is the last `capacity` of them. */
  private total = 0;

  constructor(readonly capacity: number) {
    this.lists = new Array<readonly Signal[] | null>(capacity).fill(null);
    this.counts = new Float64Array(capacity);
  }

  /** Adds a step's signals, in order (an empty list adds nothing). */
  add(signals: readonly Signal[]): void {
    const n = signals.length;
    if (n === 0) return;
    const { capacity } = this;
    if (this.size > 0) {
      let newest = this.first + this.size - 1;
      if (newest >= capacity) newest -= capacity;
      if (this.lists[newest] === signals) {
        this.counts[newest]! += 1;
        this.total += n;
        this.trim();
        return;
      }
    }
    // Every run holds at least one signal, so `capacity` runs cover the window: the oldest can go.
    if (this.size === capacity) this.dropOldest();
    let slot = this.first + this.size;
    if (slot >= capacity) slot -= capacity;
    this.lists[slot] = signals;
    this.counts[slot] = 1;
    this.size += 1;
    this.total += n;
    this.trim();
  }

  /** The latest signals, oldest first. */
  list(): Signal[] {
    const out: Signal[] = [];
    let skip = Math.max(0, this.total - this.capacity);
    for (let k = 0; k < this.size; k++) {
      const slot = (this.first + k) % this.capacity;
      const signals = this.lists[slot]!;
      const length = signals.length;
      const covered = this.counts[slot]! * length;
      if (skip >= covered) {
        skip -= covered;
        continue;
      }
      for (let at = skip; at < covered; at++) out.push(signals[at % length]!);
      skip = 0;
    }
    return out;
  }

  /** Drops the oldest runs while the others still cover the window. */
  private trim(): void {
    while (this.size > 1) {
      const oldest = this.counts[this.first]! * this.lists[this.first]!.length;
      if (this.total - oldest < this.capacity) return;
      this.dropOldest();
    }
  }

  private dropOldest(): void {
    this.total -= this.counts[this.first]! * this.lists[this.first]!.length;
    this.lists[this.first] = null;
    this.first = this.first + 1 === this.capacity ? 0 : this.first + 1;
    this.size -= 1;
  }
}
