import { describe, expect, it } from 'vitest';
import { Portfolio, type BookedFill } from '../../src-main/engine/portfolio';
import { flatBar } from '../helpers/snapshot';

// Equity and notionals are kept between calls; every change of cash, position or price must show.

const fill = (instrument: string, side: BookedFill['side'], qty: number, price: number): BookedFill => ({
  time: 0,
  strategy: 'test',
  instrument,
  side,
  qty,
  price,
  commission: 1,
});
const bar = (instrument: string, close: number) => flatBar(instrument, 60_000, close);

describe('Portfolio equity and notionals between changes', () => {
  it('follow every fill and every mark of a held instrument', () => {
    const p = new Portfolio(10_000);
    expect(p.equity()).toBe(10_000);
    expect(p.notionals()).toEqual([]);
    p.applyFill(fill('X', 'buy', 10, 100)); // cash 10,000 − 1,000 − 1 = 8,999; X 10 × 100.
    expect(p.equity()).toBe(9_999);
    expect(p.notionals()).toEqual([{ instrument: 'X', notional: 1_000 }]);
    p.mark(bar('X', 110)); // X 10 × 110 = 1,100.
    expect(p.equity()).toBe(10_099);
    p.mark(bar('Y', 5)); // not held: nothing moves.
    expect(p.equity()).toBe(10_099);
    p.applyFill(fill('Y', 'sell', 4, 5)); // cash + 20 − 1 = 9,018; Y −4 × 5 = −20.
    expect(p.equity()).toBe(10_098);
    expect(p.notionals()).toEqual([
      { instrument: 'X', notional: 1_100 },
      { instrument: 'Y', notional: -20 },
    ]);
    p.applyFill(fill('X', 'sell', 10, 110)); // X closed: cash 9,018 + 1,100 − 1 = 10,117.
    expect(p.equity()).toBe(10_097);
    expect(p.notionals()).toEqual([{ instrument: 'Y', notional: -20 }]);
  });

  it('hands out the same frozen list until something changes', () => {
    const p = new Portfolio(1_000);
    p.applyFill(fill('X', 'buy', 1, 100));
    const first = p.notionals();
    expect(p.notionals()).toBe(first);
    expect(Object.isFrozen(first) && Object.isFrozen(first[0])).toBe(true);
    p.mark(bar('X', 101));
    expect(p.notionals()).not.toBe(first);
    expect(p.notionals()).toEqual([{ instrument: 'X', notional: 101 }]);
  });
});
