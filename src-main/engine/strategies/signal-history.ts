import type { Signal } from '../../../src-shared/domain/strategy';

/**
 * A strategy's latest `capacity` signals, kept as the signal lists of its last `capacity` steps that had
 * any: every such list holds at least one signal, so together they cover the window. A step writes one
 * slot (lists are immutable and shared, never copied); the window is cut out only when it is read, which
 * the dashboard does and bars do not. The list it gives is exactly the last `capacity` signals added,
 * oldest first.
 */
export class SignalHistory {
  /** A ring of the latest non-empty lists; `next` is the slot the next one goes to. */
  private readonly lists: (readonly Signal[])[];
  private next = 0;
  private size = 0;

  constructor(readonly capacity: number) {
    this.lists = new Array<readonly Signal[]>(capacity).fill([]);
  }

  /** Adds a step's signals, in order (an empty list adds nothing). */
  add(signals: readonly Signal[]): void {
    if (signals.length === 0) return;
    const slot = this.next;
    this.lists[slot] = signals;
    this.next = slot + 1 === this.capacity ? 0 : slot + 1;
    if (this.size < this.capacity) this.size += 1;
  }

  /** The latest signals, oldest first. */
  list(): Signal[] {
    const { capacity, lists } = this;
    // Walk back from the newest list until the window is covered, then emit forward from there.
    let steps = 0;
    let covered = 0;
    while (steps < this.size && covered < capacity) {
      steps += 1;
      covered += lists[(this.next - steps + capacity) % capacity]!.length;
    }
    const out: Signal[] = [];
    let skip = covered - capacity;
    for (let k = steps; k >= 1; k--) {
      const signals = lists[(this.next - k + capacity) % capacity]!;
      for (let at = 0; at < signals.length; at++) {
        if (skip > 0) skip -= 1;
        else out.push(signals[at]!);
      }
    }
    return out;
  }
}
