import type { Signal } from '../../../src-shared/domain/strategy';

/**
 * A strategy's latest `capacity` signals, kept as runs of the same object: a standing view hands out the
 * same immutable Signal every bar, so a repeat only counts up its run instead of writing a slot. The list
 * it gives is exactly the last `capacity` signals added, oldest first.
 */
export class SignalHistory {
  /** A ring of runs: the signal and how many times in a row it was added. */
  private readonly runs: (Signal | null)[];
  private readonly counts: Float64Array;
  private first = 0;
  private size = 0;
  /** Signals covered by the runs (at most `capacity` once trimmed). */
  private total = 0;

  constructor(readonly capacity: number) {
    this.runs = new Array<Signal | null>(capacity).fill(null);
    this.counts = new Float64Array(capacity);
  }

  add(signal: Signal): void {
    const { capacity } = this;
    if (this.size > 0) {
      let newest = this.first + this.size - 1;
      if (newest >= capacity) newest -= capacity;
      if (this.runs[newest] === signal) {
        this.counts[newest]! += 1;
        this.total += 1;
        this.trim();
        return;
      }
    }
    // Every run holds at least one signal, so a full ring covers `capacity` signals: its oldest run goes.
    if (this.size === capacity) this.dropOldest();
    let slot = this.first + this.size;
    if (slot >= capacity) slot -= capacity;
    this.runs[slot] = signal;
    this.counts[slot] = 1;
    this.size += 1;
    this.total += 1;
    this.trim();
  }

  /** The latest signals, oldest first. */
  list(): Signal[] {
    const out: Signal[] = [];
    for (let k = 0; k < this.size; k++) {
      const slot = (this.first + k) % this.capacity;
      const signal = this.runs[slot]!;
      for (let n = this.counts[slot]!; n > 0; n--) out.push(signal);
    }
    return out;
  }

  /** Drops from the oldest run whatever exceeds `capacity` signals. */
  private trim(): void {
    const excess = this.total - this.capacity;
    if (excess <= 0) return;
    if (this.counts[this.first]! > excess) {
      this.counts[this.first]! -= excess;
      this.total = this.capacity;
    } else this.dropOldest();
  }

  private dropOldest(): void {
    this.total -= this.counts[this.first]!;
    this.runs[this.first] = null;
    this.first = this.first + 1 === this.capacity ? 0 : this.first + 1;
    this.size -= 1;
  }
}
