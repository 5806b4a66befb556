/**
 * A memo of per-instrument values by position: a feed's slices list the same instruments in the same order
 * from one step to the next, so what was found for the instrument at position i is checked (by id) and
 * reused, and the caller's Map is consulted only when the composition changes. A miss returns undefined;
 * a remembered value may be null (e.g. "this instrument is not traded").
 */
export class SlotMemo<T> {
  private readonly ids: (string | undefined)[] = [];
  private readonly values: (T | undefined)[] = [];

  /** The value remembered at this position if it was for this instrument, else undefined. */
  at(position: number, instrument: string): T | undefined {
    return this.ids[position] === instrument ? this.values[position] : undefined;
  }

  /** Forgets every position (the arrays stay dense). */
  clear(): void {
    this.ids.fill(undefined);
    this.values.fill(undefined);
  }

  /** Remembers the instrument's value at this position. */
  remember(position: number, instrument: string, value: T): void {
    // Kept dense (no holes), so the arrays stay fast elements.
    while (this.ids.length <= position) {
      this.ids.push(undefined);
      this.values.push(undefined);
    }
    this.ids[position] = instrument;
    this.values[position] = value;
  }
}
