import { describe, expect, it } from 'vitest';
import { lttbIndices } from '../../src-shared/series/lttb';

describe('lttbIndices', () => {
  it('returns every index when the series is not longer than the threshold', () => {
    expect(lttbIndices([1, 2, 3], [1, 2, 3], 5)).toEqual([0, 1, 2]);
  });

  it('keeps the ends and the extreme of each bucket', () => {
    const xs = [0, 1, 2, 3, 4, 5, 6];
    const ys = [0, 0, 10, 0, 0, -10, 0];
    // Buckets of (7 − 2) / (4 − 2) = 2.5 points: [1, 3) and [3, 6); the spikes form the largest triangles.
    expect(lttbIndices(xs, ys, 4)).toEqual([0, 2, 5, 6]);
  });

  it('returns exactly the threshold count, ascending', () => {
    const n = 10_000;
    const xs = Array.from({ length: n }, (_, i) => i);
    const ys = xs.map((x) => Math.sin(x / 50));
    const picked = lttbIndices(xs, ys, 500);
    expect(picked).toHaveLength(500);
    expect(picked[0]).toBe(0);
    expect(picked[499]).toBe(n - 1);
    expect(picked.every((v, i) => i === 0 || v > picked[i - 1]!)).toBe(true);
  });
});
