import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SwingPoints, type SwingPivot } from '../../../src-main/engine/indicators/swing-points';

/** The plain O(left + right) definition, over the whole series: which bars are pivots. */
function naivePivots(highs: number[], lows: number[], left: number, right: number): SwingPivot[] {
  const pivots: SwingPivot[] = [];
  for (let c = left; c + right < highs.length; c++) {
    const neighbours = [...Array(left + right).keys()].map((k) =>
      k < left ? c - left + k : c + 1 + k - left,
    );
    if (neighbours.every((j) => highs[c]! > highs[j]!))
      pivots.push({ kind: 'high', index: c, time: 1000 + c, price: highs[c]! });
    if (neighbours.every((j) => lows[c]! < lows[j]!))
      pivots.push({ kind: 'low', index: c, time: 1000 + c, price: lows[c]! });
  }
  return pivots;
}

/**
 * Feeds the bars to a SwingPoints and checks, bar by bar, how many pivots each confirms (those at bar
 * i − right), then the pivots kept, against the plain definition; returns the indicator.
 */
function expectNaivePivots(highs: number[], lows: number[], left: number, right: number): SwingPoints {
  const expected = naivePivots(highs, lows, left, right);
  const swings = new SwingPoints(left, right, 1000);
  highs.forEach((h, i) => {
    const count = swings.update(h, lows[i]!, 1000 + i);
    expect(count).toBe(expected.filter((p) => p.index === i - right).length);
  });
  expect(swings.pivots()).toEqual(expected);
  return swings;
}

describe('SwingPoints', () => {
  it('confirms a swing high `right` bars after it, never earlier (hand-built series)', () => {
    const swings = new SwingPoints(2, 2);
    expect(swings.warmUp).toBe(5);
    //          bar: 0   1   2   3   4   5   6
    const highs = [10, 11, 15, 12, 11, 13, 12];
    const lows = [9, 10, 14, 11, 8, 12, 11];
    const confirmed = highs.map((h, i) => swings.update(h, lows[i]!, 1000 + i));
    // bar 2's high 15 beats 10, 11 before and 12, 11 after: confirmed on bar 4.
    // bar 4's low 8 is below 14, 11 before and 12, 11 after: confirmed on bar 6.
    expect(confirmed).toEqual([0, 0, 0, 0, 1, 0, 1]);
    expect(swings.pivots()).toEqual([
      { kind: 'high', index: 2, time: 1002, price: 15 },
      { kind: 'low', index: 4, time: 1004, price: 8 },
    ]);
    expect(swings.latest('high')).toEqual({ kind: 'high', index: 2, time: 1002, price: 15 });
    expect(swings.pivot(0)).toEqual({ kind: 'low', index: 4, time: 1004, price: 8 });
    expect(swings.pivot(2)).toBeUndefined();
  });

  it('needs a strict extreme: an equal high on either side is not a swing', () => {
    const swings = new SwingPoints(1, 1);
    for (const [i, h] of [10, 12, 12, 10].entries()) swings.update(h, 5, i);
    expect(swings.totalPivots).toBe(0);
  });

  it('records an outside bar as a high then a low', () => {
    const swings = new SwingPoints(1, 1);
    const bars = [
      [10, 9],
      [12, 7],
      [11, 8],
    ] as const;
    const counts = bars.map(([h, l], i) => swings.update(h, l, i));
    expect(counts).toEqual([0, 0, 2]);
    expect(swings.pivots().map((p) => p.kind)).toEqual(['high', 'low']);
  });

  it('keeps the last `capacity` pivots and counts them all', () => {
    const swings = new SwingPoints(1, 1, 2);
    // a zig-zag: every up bar is a swing high, every down bar a swing low
    for (let i = 0; i < 10; i++) swings.update(i % 2 ? 12 : 10, i % 2 ? 11 : 9, i);
    expect(swings.totalPivots).toBe(8);
    expect(swings.pivotCount).toBe(2);
    expect(swings.pivots().map((p) => p.index)).toEqual([7, 8]);
    expect(swings.latest('low')).toMatchObject({ index: 8, price: 9 });
  });

  it('reports exactly the pivots of the plain definition, each on its confirming bar (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 4 })), {
          maxLength: 150,
        }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 6 }),
        (bars, left, right) => {
          const highs = bars.map(([h, spread]) => h + spread);
          const lows = bars.map(([h]) => h);
          const swings = expectNaivePivots(highs, lows, left, right);
          expect(swings.ready).toBe(highs.length >= left + right + 1);
        },
      ),
    );
  });

  it('finds the same pivots with windows over 64 bars (the monotonic-stack path), ties included (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 3 })), {
          minLength: 60,
          maxLength: 400,
        }),
        fc.integer({ min: 1, max: 70 }),
        fc.integer({ min: 1, max: 70 }),
        (bars, left, right) => {
          fc.pre(left + right > 64);
          // A slow wave plus noise, so a long window still holds swing points (and repeated values).
          const highs = bars.map(([h, spread], i) => Math.round(100 * Math.sin(i / 25)) + h + spread);
          const lows = bars.map(([h], i) => Math.round(100 * Math.sin(i / 25)) + h);
          expectNaivePivots(highs, lows, left, right);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('keeps finding pivots after many bars on the long-window path (the stack drops bars too far back)', () => {
    // A falling line with a spike every 50 bars (bars 25, 75, …, 975): with left 40 and right 30 each spike is
    // a swing high except the first (fewer than 40 bars before it) and the last (fewer than 30 after): 18.
    // The long falls between spikes fill the stack, which must drop the bars more than 40 back.
    const swings = new SwingPoints(40, 30, 100);
    const highs: number[] = [];
    for (let i = 0; i < 1000; i++) highs.push(i % 50 === 25 ? 5000 - i : 2000 - i);
    highs.forEach((h, i) => swings.update(h, h - 1, i));
    expect(swings.pivots().filter((p) => p.kind === 'high')).toEqual(
      naivePivots(
        highs,
        highs.map((h) => h - 1),
        40,
        30,
      )
        .filter((p) => p.kind === 'high')
        .map((p) => ({ ...p, time: p.index })),
    );
    expect(swings.pivots().filter((p) => p.kind === 'high')).toHaveLength(18);
  });

  it('reads kept pivots in place as pivot(k) and latest(kind) give them', () => {
    const swings = new SwingPoints(1, 1, 3);
    // bar 1 is a swing high (12), bar 2 a swing low (7), bar 4 a swing high (13), bar 5 a swing low (6)
    const bars = [
      [10, 9],
      [12, 9],
      [11, 7],
      [12, 8],
      [13, 9],
      [12, 6],
      [12, 7],
    ] as const;
    bars.forEach(([h, l], i) => swings.update(h, l, i));
    expect(swings.totalPivots).toBe(4);
    for (let k = 0; k < swings.pivotCount; k++) {
      const pivot = swings.pivot(k)!;
      expect([swings.isHighAt(k), swings.priceAt(k), swings.indexAt(k)]).toEqual([
        pivot.kind === 'high',
        pivot.price,
        pivot.index,
      ]);
    }
    expect([swings.latestOf('low'), swings.latestOf('high')]).toEqual([0, 1]);
    expect(swings.priceAt(swings.latestOf('high'))).toBe(13);
    // with one kind only, the other is not kept
    const highsOnly = new SwingPoints(1, 1, 3);
    [1, 3, 1].forEach((h, i) => highsOnly.update(h, 0, i));
    expect([highsOnly.latestOf('high'), highsOnly.latestOf('low')]).toEqual([0, -1]);
  });
});
