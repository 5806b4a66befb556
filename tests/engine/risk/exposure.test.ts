import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { capExposure, grossExposure, type ExposureOrder } from '../../../src-main/engine/risk/exposure';

// Equity 100 000, cap 100 %; ETH long 30 000 and SOL short 20 000 → 50 000 of room left.
const positions = [
  { instrument: 'ETH', notional: 30_000 },
  { instrument: 'SOL', notional: -20_000 },
];
const order = (patch: Partial<ExposureOrder>): ExposureOrder => ({
  instrument: 'BTC',
  currentQty: 0,
  deltaQty: 0,
  price: 100,
  lotSize: 1,
  ...patch,
});

describe('grossExposure', () => {
  it('sums position sizes whatever their side, over equity', () => {
    expect(grossExposure(positions, 100_000)).toBe(0.5);
    expect(grossExposure([], 0)).toBe(0);
    expect(grossExposure(positions, 0)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('capExposure', () => {
  it('passes an order that fits', () => {
    expect(capExposure(order({ deltaQty: 400 }), positions, 100_000, 1)).toEqual({
      deltaQty: 400,
      trimmed: false,
      exposureAfter: 0.9,
      reason: null,
    });
  });

  it('trims an order to the room left, in whole lots', () => {
    // Room 50 000 at 100 = 500 units; lots of 7 → 71 lots = 497.
    const d = capExposure(order({ deltaQty: 800, lotSize: 7 }), positions, 100_000, 1);
    expect(d).toMatchObject({ deltaQty: 497, trimmed: true });
    expect(d.exposureAfter).toBeCloseTo(0.997, 12);
    expect(d.reason).toBe('trimmed from 800 to 497 to keep gross exposure within the 100.00 % cap');
  });

  it('counts the instrument at the order price, not its listed notional', () => {
    // BTC is listed at 10 000 but revalued: 100 held at 100 = 10 000; room 50 000 → |target| ≤ 500.
    const listed = [...positions, { instrument: 'BTC', notional: 99_999 }];
    expect(capExposure(order({ currentQty: 100, deltaQty: 600 }), listed, 100_000, 1).deltaQty).toBe(400);
  });

  it('refuses an increase while already over the cap, but lets a reduction through', () => {
    const over = [{ instrument: 'ETH', notional: 120_000 }];
    const more = capExposure(order({ deltaQty: 10 }), over, 100_000, 1);
    expect(more).toMatchObject({ deltaQty: 0, trimmed: true });
    expect(more.reason).toBe(
      'gross exposure would reach 121.00 % of equity, above the 100.00 % cap; nothing fits',
    );
    const less = capExposure(
      order({ instrument: 'ETH', currentQty: 1200, deltaQty: -200 }),
      over,
      100_000,
      1,
    );
    expect(less).toMatchObject({ deltaQty: -200, trimmed: false, exposureAfter: 1 });
  });

  it('lets only reductions through without equity', () => {
    expect(capExposure(order({ deltaQty: 1 }), [], 0, 1)).toMatchObject({
      deltaQty: 0,
      reason: 'no equity: only orders that reduce a position pass',
    });
    expect(capExposure(order({ currentQty: 5, deltaQty: -5 }), [], -10, 1).deltaQty).toBe(-5);
  });

  it('keeps the closing part of a reversal and trims the opening part', () => {
    // Long 300 BTC → short 900 asks for −1 200; room 50 000 / 100 = 500 → ends short 500: −800.
    const d = capExposure(order({ currentQty: 300, deltaQty: -1200 }), positions, 100_000, 1);
    expect(d).toMatchObject({ deltaQty: -800, trimmed: true, exposureAfter: 1 });
  });

  it('rejects bad input', () => {
    expect(() => capExposure(order({ deltaQty: 1 }), positions, 100_000, -1)).toThrow(
      'exposure cap must be ≥ 0, got -1',
    );
    expect(() => capExposure(order({ price: 0 }), positions, 100_000, 1)).toThrow(
      'price must be positive, got 0',
    );
    expect(() => capExposure(order({ lotSize: 0 }), positions, 100_000, 1)).toThrow(
      'lotSize must be positive, got 0',
    );
    expect(() => capExposure(order({ deltaQty: Number.NaN }), positions, 100_000, 1)).toThrow(
      'order quantities and equity must be finite numbers',
    );
    expect(() => capExposure(order({}), [{ instrument: 'X', notional: Number.NaN }], 100_000, 1)).toThrow(
      'notional of X must be a finite number, got NaN',
    );
  });

  it('never leaves gross exposure above the cap unless the order only reduces, nor grows or flips an order', () => {
    fc.assert(
      fc.property(
        fc.record({
          others: fc.array(fc.double({ min: -60_000, max: 60_000, noNaN: true }), { maxLength: 5 }),
          currentQty: fc.integer({ min: -2000, max: 2000 }),
          deltaQty: fc.integer({ min: -3000, max: 3000 }),
          price: fc.double({ min: 1, max: 500, noNaN: true }),
          lotSize: fc.constantFrom(1, 5, 25, 100),
          equity: fc.double({ min: 1000, max: 200_000, noNaN: true }),
          cap: fc.double({ min: 0, max: 3, noNaN: true }),
        }),
        ({ others, currentQty, deltaQty, price, lotSize, equity, cap }) => {
          const current = currentQty * lotSize;
          const delta = deltaQty * lotSize;
          const held = others.map((notional, i) => ({ instrument: `I${i}`, notional }));
          const d = capExposure(
            { instrument: 'X', currentQty: current, deltaQty: delta, price, lotSize },
            held,
            equity,
            cap,
          );
          expect(Math.abs(d.deltaQty)).toBeLessThanOrEqual(Math.abs(delta));
          if (d.deltaQty !== 0) expect(Math.sign(d.deltaQty)).toBe(Math.sign(delta));
          expect(Number.isInteger(d.deltaQty / lotSize)).toBe(true);
          const target = current + d.deltaQty;
          const reduces = Math.abs(target) <= Math.abs(current) && target * current >= 0;
          if (!reduces) expect(d.exposureAfter).toBeLessThanOrEqual(cap * (1 + 1e-9));
          expect(d.trimmed).toBe(d.deltaQty !== delta);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('trims no more than a lot beyond what the cap requires', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5000 }),
        fc.constantFrom(1, 3, 10),
        fc.double({ min: 1, max: 300, noNaN: true }),
        (deltaLots, lotSize, price) => {
          const delta = deltaLots * lotSize;
          const d = capExposure(
            { instrument: 'X', currentQty: 0, deltaQty: delta, price, lotSize },
            positions,
            100_000,
            1,
          );
          // One more lot would break the cap (or the order was passed whole).
          if (d.trimmed)
            expect((Math.abs(d.deltaQty) + lotSize) * price).toBeGreaterThan(50_000 * (1 - 1e-12));
        },
      ),
      { numRuns: 1000 },
    );
  });
});
