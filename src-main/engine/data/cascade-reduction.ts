/** Lot counts within this of a whole number are that number (0.3 / 0.1 is 2.9999999999999996 in doubles). */
const LOT_EPSILON = 1e-9;

/**
 * The quantity to hold once an instrument's cascade risk turns high: `keep` (settings:
 * risk.liquidationCascade.reduceTo, the share kept) of the position, rounded toward zero to whole lots, so
 * a reduction never flips or enlarges a position.
 */
export function reducedQuantity(quantity: number, keep: number, lotSize: number): number {
  if (!(keep >= 0 && keep <= 1)) throw new RangeError(`keep must be between 0 and 1, not ${keep}`);
  if (!(lotSize > 0)) throw new RangeError(`lotSize must be positive, not ${lotSize}`);
  const lots = (quantity * keep) / lotSize;
  const nearest = Math.round(lots);
  const whole = Math.abs(lots - nearest) < LOT_EPSILON ? nearest : Math.trunc(lots);
  return whole === 0 ? 0 : whole * lotSize;
}

/** A position change the cascade check asks for. */
export interface CascadeReduction {
  instrument: string;
  from: number;
  to: number;
}

/**
 * The reductions for loop step 4: every open position in an instrument whose cascade level turned high on
 * this bar (`enteredHigh`), cut to `keep` of its size. Positions in other instruments are left alone; a
 * position is cut once per high episode, not on every bar the level stays high.
 */
export function cascadeReductions(
  positions: Iterable<{ instrument: string; qty: number }>,
  enteredHigh: (instrument: string) => boolean,
  keep: number,
  lotSizeOf: (instrument: string) => number,
): CascadeReduction[] {
  const reductions: CascadeReduction[] = [];
  for (const { instrument, qty } of positions) {
    if (qty === 0 || !enteredHigh(instrument)) continue;
    const to = reducedQuantity(qty, keep, lotSizeOf(instrument));
    if (to !== qty) reductions.push({ instrument, from: qty, to });
  }
  return reductions;
}
