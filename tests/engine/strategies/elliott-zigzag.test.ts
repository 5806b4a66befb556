import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Zigzag, ZIGZAG_SIZE } from '../../../src-main/engine/strategies/elliott-zigzag';

/** Plain reference: an array of alternating pivots, a run of one kind kept at its extreme. */
function reference(pivots: readonly { high: boolean; price: number }[]): { high: boolean; price: number }[] {
  const out: { high: boolean; price: number }[] = [];
  for (const p of pivots) {
    const last = out[out.length - 1];
    if (last && last.high === p.high) {
      if (p.high ? p.price > last.price : p.price < last.price) last.price = p.price;
    } else out.push({ ...p });
  }
  return out;
}

describe('elliott zigzag', () => {
  it('keeps the more extreme of two pivots of one kind and reports whether the sequence changed', () => {
    const zigzag = new Zigzag();
    expect(zigzag.push(false, 10)).toBe(true);
    expect(zigzag.push(true, 14)).toBe(true);
    expect(zigzag.push(true, 13)).toBe(false); // a lower high after a high: ignored
    expect(zigzag.push(true, 15)).toBe(true); // a higher high replaces it
    expect(zigzag.length).toBe(2);
    expect([zigzag.price(1), zigzag.price(0), zigzag.isHigh(0)]).toEqual([10, 15, true]);
    expect(zigzag.price(2)).toBeNaN();
  });

  it('matches the plain reference over any sequence of pivots (its last ZIGZAG_SIZE)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ high: fc.boolean(), price: fc.integer({ min: 1, max: 50 }) }), {
          maxLength: 40,
        }),
        (pivots) => {
          const zigzag = new Zigzag();
          for (const p of pivots) zigzag.push(p.high, p.price);
          const expected = reference(pivots).slice(-ZIGZAG_SIZE).reverse();
          expect(zigzag.length).toBe(expected.length);
          expected.forEach((p, k) => {
            expect(zigzag.price(k)).toBe(p.price);
            expect(zigzag.isHigh(k)).toBe(p.high);
          });
        },
      ),
    );
  });
});
