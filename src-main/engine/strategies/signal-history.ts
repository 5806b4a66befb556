import type { Signal } from '../../../src-shared/domain/strategy';

const NONE: readonly Signal[] = [];

/**
 * A strategy's latest `capacity` signals, kept as the signal lists of its latest steps that had any (lists
 * are immutable and shared, never copied). Only the lists the window needs are held: once the newer lists
 * cover `capacity` signals the oldest is let go, so a strategy signalling on many instruments keeps a few
 * lists, not `capacity` of them (lists held longer would outlive the young generation and cost the GC).
 * The list it gives is exactly the last `capacity` signals added, oldest first.
 */
export class SignalHistory {
  /** A ring of the held lists, oldest at `first`. */
  private readonly lists: (readonly Signal[])[];
  private first = 0;
  private size = 0;
  /** Signals in the held lists. */
  private total = 0;

  constructor(readonly capacity: number) {
    this.lists = new Array<readonly Signal[]>(capacity).fill(NONE);
  }

  /** Adds a step's signals, in order (an empty list adds nothing). */
  add(signals: readonly Signal[]): void {
    const n = signals.length;
    if (n === 0) return;
    const { capacity, lists } = this;
    // Every held list has a signal, so `capacity` lists always cover the window: the oldest can go.
    if (this.size === capacity) this.dropOldest();
    let slot = this.first + this.size;
    if (slot >= capacity) slot -= capacity;
    lists[slot] = signals;
    this.size += 1;
    this.total += n;
    while (this.size > 1 && this.total - lists[this.first]!.length >= capacity) this.dropOldest();
  }

  /** Lists held: at most `capacity`, and no more than the window needs (the memory bound, tested). */
  get heldLists(): number {
    return this.size;
  }

  /** The latest signals, oldest first. */
  list(): Signal[] {
    const out: Signal[] = [];
    let skip = this.total - this.capacity;
    for (let k = 0; k < this.size; k++) {
      const signals = this.lists[(this.first + k) % this.capacity]!;
      for (let at = 0; at < signals.length; at++) {
        if (skip > 0) skip -= 1;
        else out.push(signals[at]!);
      }
    }
    return out;
  }

  private dropOldest(): void {
    this.total -= this.lists[this.first]!.length;
    this.lists[this.first] = NONE;
    this.first = this.first + 1 === this.capacity ? 0 : this.first + 1;
    this.size -= 1;
  }
}
