import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatFixed } from '../../../src-main/engine/strategies/format-fixed';

describe('formatFixed', () => {
  it('writes what toFixed writes for any double and 0–8 decimals (property)', () => {
    fc.assert(
      fc.property(fc.double(), fc.integer({ min: 0, max: 8 }), (x, decimals) => {
        expect(formatFixed(x, decimals)).toBe(x.toFixed(decimals));
      }),
      { numRuns: 20_000 },
    );
  });

  it('writes what toFixed writes for prices and returns of the sizes reasons show (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e7, max: 1e7, noNaN: true }),
        fc.integer({ min: 0, max: 6 }),
        (x, decimals) => {
          expect(formatFixed(x, decimals)).toBe(x.toFixed(decimals));
        },
      ),
      { numRuns: 20_000 },
    );
  });

  it('writes every fraction of 1–3 decimals as toFixed does (the tabled fractions, each once)', () => {
    for (let decimals = 1; decimals <= 3; decimals++) {
      const scale = 10 ** decimals;
      for (let i = 0; i < scale; i++) {
        // A quarter step above i/scale (no tie): the fraction rounds to i, for both signs.
        const x = 7 + (i + 0.25) / scale;
        expect(formatFixed(x, decimals)).toBe(x.toFixed(decimals));
        expect(formatFixed(-x, decimals)).toBe((-x).toFixed(decimals));
      }
    }
    expect(formatFixed(7.0026, 3)).toBe('7.003');
    expect(formatFixed(12.0049, 2)).toBe('12.00');
    expect(formatFixed(-3.0407, 2)).toBe('-3.04');
    expect(formatFixed(0.0901, 1)).toBe('0.1');
  });

  it('hand-checked cases: sign of a value rounding to zero, ties, carries, non-finite', () => {
    // toFixed keeps "-" for a negative x that rounds to 0, not for −0.
    expect(formatFixed(-0.0001, 3)).toBe('-0.000');
    expect(formatFixed(-0, 3)).toBe('0.000');
    // 1.005 is stored as 1.00499999999999989…: rounds down; 0.125 is an exact tie: the larger n.
    expect(formatFixed(1.005, 2)).toBe('1.00');
    expect(formatFixed(0.125, 2)).toBe('0.13');
    expect(formatFixed(-0.125, 2)).toBe('-0.13');
    expect(formatFixed(9.9996, 3)).toBe('10.000');
    expect(formatFixed(1234.5678, 0)).toBe('1235');
    expect(formatFixed(0.05, 1)).toBe('0.1');
    expect(formatFixed(NaN, 2)).toBe('NaN');
    expect(formatFixed(-Infinity, 2)).toBe('-Infinity');
    expect(formatFixed(1e21, 2)).toBe('1e+21');
  });
});
