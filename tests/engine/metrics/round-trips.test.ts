import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildRoundTrips } from '../../../src-main/engine/metrics/round-trips';
import type { TradeFill } from '../../../src-main/engine/metrics/types';
import { Portfolio } from '../../../src-main/engine/portfolio';

const fill = (
  time: number,
  side: 'buy' | 'sell',
  qty: number,
  price: number,
  commission: number,
  strategy: string,
  instrument = 'X',
): TradeFill => ({ time, instrument, side, qty, price, commission, strategy });

// Buy 10 @ 100 (a), buy 10 @ 110 (b) → long 20 at an average 105 holding 2 of entry commission.
// Sell 5 @ 120 (c): round trip 5 × 15 = 75; commission 0.5 (exit) + 2 × 5/20 (entry) = 1.
// Sell 25 @ 100 (d): closes 15: 15 × (100 − 105) = −75; commission 2.5 × 15/25 + 1.5 = 3; opens short 10
// @ 100 holding 2.5 × 10/25 = 1. Buy 10 @ 90 (d): closes the short: 10 × (100 − 90) = 100; commission 1 + 1.
const fills = [
  fill(1, 'buy', 10, 100, 1, 'a'),
  fill(2, 'buy', 10, 110, 1, 'b'),
  fill(3, 'sell', 5, 120, 0.5, 'c'),
  fill(4, 'sell', 25, 100, 2.5, 'd'),
  fill(5, 'buy', 10, 90, 1, 'd'),
  fill(6, 'buy', 3, 10, 0.25, 'e', 'Y'),
];

describe('round trips (average cost)', () => {
  it('matches reduce, reverse and close against the average price', () => {
    const { closed, open } = buildRoundTrips(fills);
    expect(closed).toEqual([
      {
        instrument: 'X',
        side: 'long',
        qty: 5,
        entryTime: 1,
        exitTime: 3,
        entryPrice: 105,
        exitPrice: 120,
        pnl: 75,
        commission: 1,
        strategy: 'a',
        exitStrategy: 'c',
      },
      {
        instrument: 'X',
        side: 'long',
        qty: 15,
        entryTime: 1,
        exitTime: 4,
        entryPrice: 105,
        exitPrice: 100,
        pnl: -75,
        commission: 3,
        strategy: 'a',
        exitStrategy: 'd',
      },
      {
        instrument: 'X',
        side: 'short',
        qty: 10,
        entryTime: 4,
        exitTime: 5,
        entryPrice: 100,
        exitPrice: 90,
        pnl: 100,
        commission: 2,
        strategy: 'd',
        exitStrategy: 'd',
      },
    ]);
    expect(open).toEqual([
      {
        instrument: 'Y',
        side: 'long',
        qty: 3,
        entryTime: 6,
        entryPrice: 10,
        commission: 0.25,
        strategy: 'e',
      },
    ]);
  });

  it('checks the effects the portfolio recorded', () => {
    const effects = ['open', 'increase', 'reduce', 'reverse', 'close', 'open'] as const;
    expect(() => buildRoundTrips(fills.map((f, i) => ({ ...f, effect: effects[i] })))).not.toThrow();
    const wrong = fills.map((f, i) => ({ ...f, effect: i === 3 ? ('close' as const) : effects[i] }));
    expect(() => buildRoundTrips(wrong)).toThrow(
      new RangeError('fill 3 (X at 4): recorded as close, but the fills before it make it reverse'),
    );
  });

  it('refuses fills out of time order or with impossible numbers', () => {
    expect(() => buildRoundTrips([fills[1]!, fills[0]!])).toThrow(
      'fill 1 (X at 1): earlier than the fill before it',
    );
    expect(() => buildRoundTrips([fill(1, 'buy', 0, 100, 0, 'a')])).toThrow(
      'fill 0 (X at 1): qty and price must be positive and commission not negative',
    );
  });

  it('adds up to the portfolio realised P&L and keeps every commission (property)', () => {
    const fillArb = fc.record({
      instrument: fc.constantFrom('X', 'Y'),
      side: fc.constantFrom('buy' as const, 'sell' as const),
      qty: fc.integer({ min: 1, max: 50 }),
      price: fc.integer({ min: 50, max: 150 }),
      commission: fc.integer({ min: 0, max: 3 }),
      strategy: fc.constantFrom('a', 'b'),
    });
    fc.assert(
      fc.property(fc.array(fillArb, { maxLength: 40 }), (raw) => {
        const portfolio = new Portfolio(1_000_000);
        let realised = 0;
        const recorded: TradeFill[] = raw.map((f, i) => {
          const { realizedPnl, effect } = portfolio.applyFill({ ...f, time: i });
          realised += realizedPnl;
          return { ...f, time: i, effect };
        });
        const { closed, open } = buildRoundTrips(recorded);
        expect(closed.reduce((s, t) => s + t.pnl, 0)).toBeCloseTo(realised, 6);
        const kept =
          closed.reduce((s, t) => s + t.commission, 0) + open.reduce((s, p) => s + p.commission, 0);
        expect(kept).toBeCloseTo(
          raw.reduce((s, f) => s + f.commission, 0),
          6,
        );
        for (const p of open) expect(p.qty).toBe(Math.abs(portfolio.quantity(p.instrument)));
      }),
    );
  });
});
