import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HighLowWindow } from '../../../src-main/engine/indicators/high-low-window';
import { RollingExtreme } from '../../../src-main/engine/indicators/rolling-extreme';

describe('HighLowWindow', () => {
  it('equals the plain max of the highs and min of the lows of the window, ties included (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -5, max: 5 }), fc.integer({ min: 0, max: 3 })), {
          minLength: 1,
          maxLength: 200,
        }),
        fc.integer({ min: 1, max: 12 }),
        (bars, period) => {
          const window = new HighLowWindow(period);
          bars.forEach(([high, spread], i) => {
            window.push(high, high - spread);
            const last = bars.slice(Math.max(0, i - period + 1), i + 1);
            expect(window.highest).toBe(Math.max(...last.map(([h]) => h)));
            expect(window.lowest).toBe(Math.min(...last.map(([h, s]) => h - s)));
            expect(window.full).toBe(i >= period - 1);
          });
        },
      ),
    );
  });

  it('gives bit for bit what a pair of RollingExtremes gives, signed zeros included (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(0, -0, 1, -1, 0.5), { minLength: 1, maxLength: 150 }),
        fc.integer({ min: 1, max: 9 }),
        (values, period) => {
          const window = new HighLowWindow(period);
          const max = new RollingExtreme(period, 'max');
          const min = new RollingExtreme(period, 'min');
          for (const x of values) {
            window.push(x, x);
            max.push(x);
            min.push(x);
            expect(Object.is(window.highest, max.value)).toBe(true);
            expect(Object.is(window.lowest, min.value)).toBe(true);
          }
        },
      ),
    );
  });

  it('is NaN before the first bar and drops an aged-out extreme', () => {
    const window = new HighLowWindow(2);
    expect([window.highest, window.lowest]).toEqual([NaN, NaN]);
    // Bars (9, 0), (1, 5), (0, 6): the 9 and the 0 leave after two bars.
    const seen = [
      [9, 0],
      [1, 5],
      [0, 6],
    ].map(([high, low]) => {
      window.push(high!, low!);
      return [window.highest, window.lowest];
    });
    expect(seen).toEqual([
      [9, 0],
      [9, 0],
      [1, 5],
    ]);
  });
});
