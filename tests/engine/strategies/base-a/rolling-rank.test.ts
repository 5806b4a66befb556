import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RollingRank } from '../../../../src-main/engine/strategies/base-a/rolling-rank';

describe('RollingRank', () => {
  it('ranks within the last `period` values, ties counted as at or below', () => {
    const rank = new RollingRank(3);
    expect(rank.shareAtOrBelow(1)).toBeNaN();
    for (const x of [5, 1, 3]) rank.push(x);
    expect(rank.full).toBe(true);
    // Window [5, 1, 3]: 1 of 3 ≤ 1, 2 of 3 ≤ 3, all ≤ 5.
    expect([rank.shareAtOrBelow(1), rank.shareAtOrBelow(3), rank.shareAtOrBelow(5)]).toEqual([
      1 / 3,
      2 / 3,
      1,
    ]);
    rank.push(3); // 5 leaves: [1, 3, 3]
    expect([rank.shareAtOrBelow(0), rank.shareAtOrBelow(3), rank.count]).toEqual([0, 1, 3]);
  });

  it('agrees with a plain count over the window (random streams with many ties)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 80 }),
        fc.integer({ min: -1, max: 7 }),
        (period, values, probe) => {
          const rank = new RollingRank(period);
          values.forEach((x, i) => {
            rank.push(x);
            const window = values.slice(Math.max(0, i + 1 - period), i + 1);
            const naive = window.filter((v) => v <= probe).length / window.length;
            expect(rank.shareAtOrBelow(probe)).toBe(naive);
            expect(rank.shareAtOrBelow(x)).toBe(window.filter((v) => v <= x).length / window.length);
          });
        },
      ),
    );
  });

  it('pushAndShare gives what push then shareAtOrBelow give (random streams with many ties)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 80 }),
        (period, values) => {
          const both = new RollingRank(period);
          const separate = new RollingRank(period);
          for (const x of values) {
            const share = both.pushAndShare(x);
            separate.push(x);
            expect(share).toBe(separate.shareAtOrBelow(x));
          }
        },
      ),
    );
  });

  it('agrees with a plain count on random walks with jumps and repeats, large windows too (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.array(
          fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constant(0), fc.integer({ min: -40, max: 40 })),
          {
            minLength: 1,
            maxLength: 300,
          },
        ),
        (period, steps) => {
          // A walk in quarters (exact in doubles): mostly small moves, some jumps, many repeated values.
          const rank = new RollingRank(period);
          const values: number[] = [];
          let level = 0;
          for (const step of steps) {
            level += step / 4;
            values.push(level);
            const window = values.slice(-period);
            const share = rank.pushAndShare(level);
            expect(share).toBe(window.filter((v) => v <= level).length / window.length);
            expect(rank.shareAtOrBelow(level - 0.25)).toBe(
              window.filter((v) => v <= level - 0.25).length / window.length,
            );
          }
        },
      ),
    );
  });

  it('refuses a bad period or a non-finite value with a message', () => {
    expect(() => new RollingRank(0)).toThrow('rolling rank period must be a whole number ≥ 1, got 0');
    expect(() => new RollingRank(3).push(NaN)).toThrow(
      'rolling rank: value must be a finite number, got NaN',
    );
  });
});
