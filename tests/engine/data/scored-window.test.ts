import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RollingStatsBank } from '../../../src-main/engine/data/rolling-stats';
import { ScoredWindow } from '../../../src-main/engine/data/scored-window';

// ScoredWindow must give the bank's numbers bit for bit (the validator's outlier z-scores, pinned by the
// stream-golden test, were the bank's before it had its own class): checked on
// random streams with spikes (which force the early recount), flat stretches and non-finite values.

describe('ScoredWindow', () => {
  it('scores 1, 2, 3 then 10 against the window before each (hand-computed)', () => {
    const window = new ScoredWindow(3);
    const at = new Float64Array(1);
    const zs: number[] = [];
    for (const x of [1, 2, 3, 10]) {
      at[0] = x;
      window.scoreThenAdd(at, 0, 2);
      zs.push(at[0]!);
    }
    // Before 3: [1, 2], mean 1.5, sample σ 0.7071 → z = 2.1213; before 10: [1, 2, 3], mean 2, σ 1 → z = 8.
    expect(zs[0]).toBeNaN();
    expect(zs[1]).toBeNaN();
    expect(zs[2]).toBeCloseTo(1.5 / Math.SQRT1_2, 12);
    expect(zs[3]).toBeCloseTo(8, 12);
    expect(window.count).toBe(3); // 1 left the window
    expect(window.variance).toBeCloseTo(((2 - 5) ** 2 + (3 - 5) ** 2 + (10 - 5) ** 2) / 2, 12);
  });

  it('gives the same bits as a one-series RollingStatsBank scoring each value, then adding it', () => {
    const value = fc.oneof(
      { weight: 8, arbitrary: fc.double({ min: -0.05, max: 0.05, noNaN: true }) },
      { weight: 1, arbitrary: fc.constantFrom(0, 1e6, -1e6, NaN, Infinity) },
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 6 }),
        fc.array(value, { maxLength: 200 }),
        (size, minObservations, xs) => {
          const scored = new ScoredWindow(size);
          const bank = new RollingStatsBank(1, size);
          const a = new Float64Array(1);
          const b = new Float64Array(1);
          for (const x of xs) {
            a[0] = x;
            b[0] = x;
            scored.scoreThenAdd(a, 0, minObservations);
            // The bank's way: judge x against the window (scoreInto), then add it (push; not if non-finite).
            if (!Number.isFinite(x)) b[0] = NaN;
            else {
              if (bank.count(0) >= minObservations) bank.scoreInto(0, x, b, 0);
              else b[0] = NaN;
              bank.push(0, x);
            }
            expect(Object.is(a[0], b[0])).toBe(true);
            expect(scored.count).toBe(bank.count(0));
            expect(Object.is(scored.variance, bank.variance(0))).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
