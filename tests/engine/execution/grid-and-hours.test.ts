import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StepGrid } from '../../../src-main/engine/execution/grid';
import {
  spreadMultiplier,
  utcHour,
  volatilityMultiplier,
} from '../../../src-main/engine/execution/time-of-day';
import { HOUR, MIN } from './fixtures';

describe('StepGrid', () => {
  it('rounds to a decimal tick without float residue', () => {
    const tick = new StepGrid(0.01);
    expect(tick.ceil(100.02)).toBe(100.02); // 100.02 / 0.01 = 10001.999…
    expect(tick.ceil(100.0201)).toBe(100.03);
    expect(tick.floor(99.9799)).toBe(99.97);
    expect(tick.floor(0.3)).toBe(0.3);
    expect(tick.holds(100.02)).toBe(true);
    expect(tick.holds(100.025)).toBe(false);
  });

  it('handles ticks that are not a decimal fraction', () => {
    const five = new StepGrid(5);
    expect(five.ceil(101)).toBe(105);
    expect(five.floor(104.9)).toBe(100);
    const quarter = new StepGrid(0.25);
    expect(quarter.ceil(10.01)).toBe(10.25);
    expect(quarter.value(41)).toBe(10.25);
  });

  it('keeps ceil ≥ x ≥ floor within one step, and both on the grid (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(0.01, 0.05, 0.25, 1, 5, 0.0001),
        fc.double({ min: 0.001, max: 1e6, noNaN: true }),
        (step, x) => {
          const grid = new StepGrid(step);
          const up = grid.ceil(x);
          const down = grid.floor(x);
          expect(up).toBeGreaterThanOrEqual(x - 1e-9 * Math.max(1, x));
          expect(down).toBeLessThanOrEqual(x + 1e-9 * Math.max(1, x));
          // the difference of two large prices carries their rounding error
          expect(up - down).toBeLessThanOrEqual(step + 4 * Number.EPSILON * x);
          expect(grid.holds(up)).toBe(true);
          expect(grid.holds(down)).toBe(true);
        },
      ),
    );
  });
});

describe('time of day', () => {
  it('takes the UTC hour of an engine time, also before 1970', () => {
    expect(utcHour(0)).toBe(0);
    expect(utcHour(14 * HOUR + 59 * MIN)).toBe(14);
    expect(utcHour(-MIN)).toBe(23);
  });

  it('U-shapes equities over the session and leaves 24h markets flat', () => {
    expect([13, 14, 15, 16, 17, 18, 19, 20].map((h) => spreadMultiplier('equity', h))).toEqual([
      1.6, 1.4, 1.1, 1, 0.9, 0.9, 1, 1.3,
    ]);
    expect(spreadMultiplier('equity-index', 3)).toBe(2);
    expect(volatilityMultiplier('sector', 17)).toBe(0.85);
    expect(volatilityMultiplier('volatility-index', 22)).toBe(0.6);
    for (let h = 0; h < 24; h++) {
      expect(spreadMultiplier('crypto', h)).toBe(1);
      expect(volatilityMultiplier('prediction', h)).toBe(1);
    }
  });
});
