import type { Signal } from '../../../src-shared/domain/strategy';

const NONE: readonly Signal[] = [];

/**
 * A strategy's latest `capacity` signals, kept as the signal lists of its latest steps that had any (lists
 * are immutable and shared, never copied). Only the lists the window needs are held: once the newer lists
 * cover `capacity` signals the oldest is let go, so a strategy signalling on many instruments keeps a few
 * lists, not `capacity` of them (lists held longer would outlive the young generation and cost the GC).
 * A list added several times in a row (a standing decision) is one entry with a count. The list it gives
 * is exactly the last `capacity` signals added, oldest first.
 */
export class SignalHistory {
  /** A ring of entries, oldest at `first`: a list and how many times in a row it was added. */
  private readonly lists: (readonly Signal[])[];
  private readonly repeats: Int32Array;
  private first = 0;
  private size = 0;
  /** Signals in the held entries (each list counted as often as it was added). */
  private total = 0;

  constructor(readonly capacity: number) {
    this.lists = new Array<readonly Signal[]>(capacity).fill(NONE);
    this.repeats = new Int32Array(capacity);
  }

  /** Adds a step's signals, in order, `times` times in a row (an empty list adds nothing). */
  add(signals: readonly Signal[], times = 1): void {
    const n = signals.length;
    if (n === 0 || times <= 0) return;
    const { capacity, lists } = this;
    let newest = this.first + this.size - 1;
    if (newest >= capacity) newest -= capacity;
    if (this.size > 0 && lists[newest] === signals) {
      this.repeats[newest]! += times;
    } else {
      // Every entry has a signal, so `capacity` entries always cover the window: the oldest can go.
      if (this.size === capacity) this.dropOldest();
      let slot = this.first + this.size;
      if (slot >= capacity) slot -= capacity;
      lists[slot] = signals;
      this.repeats[slot] = times;
      this.size += 1;
    }
    this.total += n * times;
    this.trim();
  }

  /** Additions held: at most `capacity`, and no more than the window needs (the memory bound, tested). */
  get heldLists(): number {
    let held = 0;
    for (let k = 0; k < this.size; k++) held += this.repeats[(this.first + k) % this.capacity]!;
    return held;
  }

  /** The latest signals, oldest first. */
  list(): Signal[] {
    const out: Signal[] = [];
    let skip = this.total - this.capacity;
    for (let k = 0; k < this.size; k++) {
      const slot = (this.first + k) % this.capacity;
      const signals = this.lists[slot]!;
      for (let repeat = this.repeats[slot]!; repeat > 0; repeat--) {
        for (let at = 0; at < signals.length; at++) {
          if (skip > 0) skip -= 1;
          else out.push(signals[at]!);
        }
      }
    }
    return out;
  }

  /**
   * Lets go of the oldest additions while the newer ones still cover the window (always keeping one):
   * whole entries first, then repeats of the oldest entry.
   */
  private trim(): void {
    const { lists, repeats, capacity } = this;
    for (;;) {
      const first = this.first;
      const length = lists[first]!.length;
      const excess = this.total - capacity;
      if (excess < length) return;
      const repeat = repeats[first]!;
      if (this.size > 1 && excess >= length * repeat) {
        this.dropOldest();
        continue;
      }
      // Part of the oldest entry (or of the only one) is no longer needed.
      const dropped = Math.min(repeat - 1, Math.floor(excess / length));
      repeats[first] = repeat - dropped;
      this.total -= dropped * length;
      return;
    }
  }

  private dropOldest(): void {
    const first = this.first;
    this.total -= this.lists[first]!.length * this.repeats[first]!;
    this.lists[first] = NONE;
    this.first = first + 1 === this.capacity ? 0 : first + 1;
    this.size -= 1;
  }
}
