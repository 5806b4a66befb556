import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  grownCapacity,
  grownFloat64,
  grownInt32,
  grownUint8,
} from '../../../src-main/engine/execution/capacity';

describe('typed-array growth', () => {
  it('n appends one at a time from empty copy fewer than 2n + 8 elements in all: amortised O(1) (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50_000 }), (n) => {
        let capacity = 0;
        let copied = 0;
        let tooSmall = 0;
        for (let count = 0; count < n; count++) {
          if (count >= capacity) {
            copied += count;
            capacity = grownCapacity(capacity, count + 1);
          }
          if (capacity <= count) tooSmall += 1;
        }
        expect(tooSmall).toBe(0);
        expect(copied).toBeLessThan(2 * n + 8);
      }),
      { numRuns: 50 },
    );
  });

  it('grows to at least what is needed, at least double, at least 8', () => {
    expect(grownCapacity(0, 1)).toBe(8);
    expect(grownCapacity(8, 9)).toBe(16);
    expect(grownCapacity(10, 100)).toBe(100);
  });

  it('keeps the elements and sets the new ones to the fill value', () => {
    expect(Array.from(grownFloat64(Float64Array.of(1.5, -2), 4, Number.NaN))).toEqual([1.5, -2, NaN, NaN]);
    expect(Array.from(grownFloat64(Float64Array.of(3), 3))).toEqual([3, 0, 0]);
    expect(Array.from(grownFloat64(Float64Array.of(3), 3, -1))).toEqual([3, -1, -1]);
    expect(Array.from(grownInt32(Int32Array.of(-7, 9), 3))).toEqual([-7, 9, 0]);
    expect(Array.from(grownUint8(Uint8Array.of(1), 2))).toEqual([1, 0]);
  });
});
