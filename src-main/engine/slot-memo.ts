/**
 * A memo of per-instrument values by position: a feed's slices list the same instruments in the same order
 * from one step to the next, so what was found for the instrument at position i is checked (by id) and
 * reused, and the caller's Map is consulted only when the composition changes. A miss returns undefined;
 * a remembered value may be null (e.g. "this instrument is not traded").
 */
export class SlotMemo<T> {
  /**
   * Position p's instrument at 2p and its value at 2p + 1: one array, so a lookup reads one object and
   * (the pair being adjacent) usually one cache line, where two arrays would cost two of each.
   */
  private readonly slots: (string | T | undefined)[] = [];

  /** The value remembered at this position if it was for this instrument, else undefined. */
  at(position: number, instrument: string): T | undefined {
    const slots = this.slots;
    const at = position * 2;
    // Only `remember` writes the odd slots, always with a T.
    return slots[at] === instrument ? (slots[at + 1] as T) : undefined;
  }

  /** Forgets every position (the array stays dense). */
  clear(): void {
    this.slots.fill(undefined);
  }

  /** Remembers the instrument's value at this position. */
  remember(position: number, instrument: string, value: T): void {
    const slots = this.slots;
    const at = position * 2;
    // Kept dense (no holes), so the array stays fast elements.
    while (slots.length <= at + 1) slots.push(undefined);
    slots[at] = instrument;
    slots[at + 1] = value;
  }
}
