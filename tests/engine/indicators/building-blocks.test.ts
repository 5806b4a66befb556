import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RingBuffer } from '../../../src-main/engine/indicators/ring-buffer';
import { RollingExtreme } from '../../../src-main/engine/indicators/rolling-extreme';
import { RollingMoments } from '../../../src-main/engine/indicators/rolling-moments';
import { RollingSum } from '../../../src-main/engine/indicators/rolling-sum';
import { randomOhlcv } from './series';

describe('RingBuffer', () => {
  it('exposes as `oldest` the value pushed `capacity` pushes ago, NaN until full', () => {
    const ring = new RingBuffer(3);
    const evicted = [1, 2, 3, 4, 5].map((x) => {
      const oldest = ring.oldest;
      ring.push(x);
      return oldest;
    });
    expect(evicted).toEqual([NaN, NaN, NaN, 1, 2]);
    expect(ring.full).toBe(true);
    expect([ring.fromNewest(0), ring.fromNewest(2), ring.fromNewest(3), ring.fromNewest(-1)]).toEqual([
      5,
      3,
      NaN,
      NaN,
    ]);
    expect(ring.length).toBe(3);
  });
});

describe('RollingExtreme (monotonic deque)', () => {
  it('equals the plain max and min of the window for any series, ties included (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 1, maxLength: 200 }),
        fc.integer({ min: 1, max: 12 }),
        (values, period) => {
          const max = new RollingExtreme(period, 'max');
          const min = new RollingExtreme(period, 'min');
          values.forEach((x, i) => {
            const window = values.slice(Math.max(0, i - period + 1), i + 1);
            max.push(x);
            min.push(x);
            expect(max.value).toBe(Math.max(...window));
            expect(min.value).toBe(Math.min(...window));
            expect(max.full).toBe(i >= period - 1);
          });
        },
      ),
    );
  });

  it('equals the plain max and min on long random walks across many block boundaries (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 1, maxLength: 400 }),
        fc.integer({ min: 1, max: 60 }),
        (steps, period) => {
          const max = new RollingExtreme(period, 'max');
          const min = new RollingExtreme(period, 'min');
          let price = 100;
          const prices: number[] = [];
          for (const step of steps) {
            price += step;
            prices.push(price);
            max.push(price);
            min.push(price);
            const window = prices.slice(-period);
            expect(max.value).toBe(Math.max(...window));
            expect(min.value).toBe(Math.min(...window));
          }
        },
      ),
    );
  });

  it('gives, of equal extremes, the newest: a later −0 over an earlier +0 for the maximum', () => {
    const max = new RollingExtreme(3, 'max');
    const min = new RollingExtreme(3, 'min');
    const seen = [0, -0, -1, -2].map((x) => {
      max.push(x);
      min.push(-x);
      return [max.value, min.value];
    });
    // Windows [0], [0, −0], [0, −0, −1], [−0, −1, −2]: the newest zero once both are in.
    expect(seen).toEqual([
      [0, -0],
      [-0, 0],
      [-0, 0],
      [-0, 0],
    ]);
  });

  it('with period 1 is the latest value', () => {
    const max = new RollingExtreme(1, 'max');
    expect([5, 3, 4].map((x) => (max.push(x), max.value))).toEqual([5, 3, 4]);
    expect(max.full).toBe(true);
  });

  it('is NaN before the first value', () => {
    expect(new RollingExtreme(3, 'max').value).toBeNaN();
  });

  it('expires a maximum that has aged out even when every later value is smaller', () => {
    const max = new RollingExtreme(2, 'max');
    const seen = [9, 1, 0, -1].map((x) => {
      max.push(x);
      return max.value;
    });
    expect(seen).toEqual([9, 9, 1, 0]);
  });
});

describe('drift-free rolling sums', () => {
  it('RollingSum stays within 1e-9 of the exact window sum over a million values near 50 000', () => {
    const values = randomOhlcv(3, 1_000_000, 50_000).close;
    const period = 50;
    const sum = new RollingSum(period);
    let worst = 0;
    for (let i = 0; i < values.length; i++) {
      sum.push(values[i]!);
      if (i < period || i % 1009 !== 0) continue;
      let exact = 0;
      for (let j = i - period + 1; j <= i; j++) exact += values[j]!;
      worst = Math.max(worst, Math.abs(sum.sum - exact));
    }
    // The window sum is about 2.5e6, where one unit in the last place is 4.7e-10.
    expect(worst).toBeLessThan(1e-8);
    expect(worst / 2.5e6).toBeLessThan(1e-14);
  });

  it('RollingMoments gives the exact mean and M2 of a small window (hand-computed)', () => {
    const moments = new RollingMoments(3);
    for (const x of [1, 2, 3, 10]) moments.push(x);
    // window 2, 3, 10: mean 5, deviations −3, −2, 5 → M2 = 9 + 4 + 25 = 38
    expect(moments.mean).toBeCloseTo(5, 14);
    expect(moments.sumSquaredDeviations).toBeCloseTo(38, 12);
    expect(moments.count).toBe(3);
  });
});
