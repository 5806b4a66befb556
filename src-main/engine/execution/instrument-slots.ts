import type { Bar, InstrumentSpec } from '../../../src-shared/domain/market';
import { grownCapacity, grownFloat64 } from './capacity';
import { venueOf, type Venue } from './venue';

/**
 * The simulator's per-instrument working state, indexed by instrument in the order the instruments became
 * known: the venue, the bar of the current slice and what was worked out for it once per bar. Grows when an
 * instrument is added (typed arrays double when full), so the arrays are replaced then: always index them
 * through this object, never keep a reference to one.
 */
export class InstrumentSlots {
  readonly venues: Venue[] = [];
  /** The bar of each instrument in the slice being worked (valid where barStamp is the slice's stamp). */
  readonly barOf: (Bar | undefined)[] = [];
  barStamp: Float64Array;
  /** Stamp of the slice prepareContext last ran for; sigma, spreadMultiplier and executed belong to it. */
  contextStamp: Float64Array;
  sigma: Float64Array;
  spreadMultiplier: Float64Array;
  /** Quantity our fills took in the instrument's current bar. */
  executed: Float64Array;
  private readonly indexOf = new Map<string, number>();

  constructor(instruments: readonly InstrumentSpec[]) {
    const n = instruments.length;
    this.barStamp = new Float64Array(n);
    this.contextStamp = new Float64Array(n);
    this.sigma = new Float64Array(n);
    this.spreadMultiplier = new Float64Array(n);
    this.executed = new Float64Array(n);
    for (const spec of instruments) this.add(spec);
  }

  /** Number of instruments known. */
  get count(): number {
    return this.venues.length;
  }

  /** The index of an instrument, or undefined when it is not known. */
  index(id: string): number | undefined {
    return this.indexOf.get(id);
  }

  /** Appends a valid spec of a new id and returns its index (amortised O(1)). */
  add(spec: InstrumentSpec): number {
    const index = this.venues.length;
    if (index >= this.barStamp.length) this.grow(grownCapacity(this.barStamp.length, index + 1));
    this.indexOf.set(spec.id, index);
    this.venues.push(venueOf(spec));
    this.barOf.push(undefined);
    return index;
  }

  private grow(capacity: number): void {
    this.barStamp = grownFloat64(this.barStamp, capacity);
    this.contextStamp = grownFloat64(this.contextStamp, capacity);
    this.sigma = grownFloat64(this.sigma, capacity);
    this.spreadMultiplier = grownFloat64(this.spreadMultiplier, capacity);
    this.executed = grownFloat64(this.executed, capacity);
  }
}
