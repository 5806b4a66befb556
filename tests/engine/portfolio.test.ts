import { describe, expect, it } from 'vitest';
import { Portfolio } from '../../src-main/engine/portfolio';
import type { BookedFill } from '../../src-main/engine/portfolio';

const fill = (
  side: BookedFill['side'],
  qty: number,
  price: number,
  commission: number,
  time = 0,
): BookedFill => ({
  time,
  strategy: 'test',
  instrument: 'X',
  side,
  qty,
  price,
  commission,
});

const bar = (close: number) => ({
  instrument: 'X',
  time: 60_000,
  open: close,
  high: close,
  low: close,
  close,
  volume: 1,
});

describe('Portfolio', () => {
  it('books opens, increases, reductions, a reversal and a close (hand-computed)', () => {
    const p = new Portfolio(10_000);
    expect(p.applyFill(fill('buy', 10, 100, 1))).toMatchObject({
      realizedPnl: 0,
      effect: 'open',
      roundTrip: null,
    });
    expect(p.view().cash).toBeCloseTo(8999, 10);

    expect(p.applyFill(fill('buy', 10, 110, 1.1))).toMatchObject({ realizedPnl: 0, effect: 'increase' });
    expect(p.positions()[0]).toMatchObject({ qty: 20, avgPrice: 105 });
    expect(p.view().cash).toBeCloseTo(7897.9, 10);

    p.mark(bar(120));
    expect(p.equity()).toBeCloseTo(10297.9, 10);
    expect(p.view().unrealizedPnl).toBeCloseTo(300, 10);

    const reduce = p.applyFill(fill('sell', 5, 120, 0.6));
    expect(reduce.effect).toBe('reduce');
    expect(reduce.realizedPnl).toBeCloseTo(75, 10);
    expect(p.positions()[0]).toMatchObject({ qty: 15, avgPrice: 105 });

    const reverse = p.applyFill(fill('sell', 25, 100, 2.5));
    expect(reverse.effect).toBe('reverse');
    expect(reverse.realizedPnl).toBeCloseTo(-75, 10);
    expect(p.positions()[0]).toMatchObject({ qty: -10, avgPrice: 100 });
    expect(p.view().cash).toBeCloseTo(10994.8, 10);

    const close = p.applyFill(fill('buy', 10, 90, 0.9));
    expect(close.effect).toBe('close');
    expect(close.realizedPnl).toBeCloseTo(100, 10);
    expect(p.positions()).toEqual([]);

    const view = p.view();
    expect(view.cash).toBeCloseTo(10093.9, 10);
    expect(view.realizedPnl).toBeCloseTo(100, 10);
    expect(view.commissions).toBeCloseTo(6.1, 10);
    expect(view.equity).toBeCloseTo(10_000 + 100 - 6.1, 10);
  });

  it('marks a short position to market with the right sign', () => {
    const p = new Portfolio(1000);
    p.applyFill(fill('sell', 4, 50, 0));
    p.mark(bar(45));
    expect(p.view().unrealizedPnl).toBeCloseTo(20, 10);
    expect(p.equity()).toBeCloseTo(1020, 10);
  });

  it('restores from a checkpoint to the same figures', () => {
    const p = new Portfolio(5000);
    p.applyFill(fill('buy', 3, 100, 0.3));
    p.mark(bar(104));
    const restored = Portfolio.restore(5000, p.checkpoint(5000));
    expect(restored.view()).toEqual(p.view());
    expect(restored.positions()).toEqual(p.positions());
  });
});

describe('Portfolio round trips', () => {
  it('splits commissions over the closed quantity, beside the price P&L (hand-computed)', () => {
    const p = new Portfolio(10_000);
    p.applyFill(fill('buy', 10, 100, 1, 1));
    p.applyFill(fill('buy', 10, 110, 1.1, 2));
    const first = p.applyFill(fill('sell', 5, 120, 0.6, 3)).roundTrip!;
    // Entry commission 2.1 over 20 units: 5 units carry 0.525; the exit carries all of its 0.6.
    expect(first).toMatchObject({
      side: 'long',
      qty: 5,
      entryTime: 1,
      exitTime: 3,
      entryPrice: 105,
      exitPrice: 120,
    });
    expect(first.commission).toBeCloseTo(1.125, 12);
    expect(first.pnl).toBeCloseTo(75, 12);

    const reversal = p.applyFill(fill('sell', 25, 100, 2.5, 4));
    // Closes 15: remaining entry commission 1.575, exit share 2.5 × 15/25 = 1.5.
    expect(reversal.roundTrip!.qty).toBe(15);
    expect(reversal.roundTrip!.pnl).toBeCloseTo(-75, 12);
    expect(reversal.roundTrip!.commission).toBeCloseTo(3.075, 12);
    expect(reversal.position).toMatchObject({ qty: -10, avgPrice: 100, openedAt: 4 });
    expect(reversal.position.entryCommission).toBeCloseTo(1, 12);

    const last = p.applyFill(fill('buy', 10, 90, 0.9, 5)).roundTrip!;
    expect(last).toMatchObject({ side: 'short', qty: 10, entryTime: 4, exitTime: 5 });
    expect(last.pnl).toBeCloseTo(100, 12);
    expect(last.commission).toBeCloseTo(1.9, 12);
    // Round trips add up to the realised P&L, and their commissions to every commission paid.
    expect(first.pnl + reversal.roundTrip!.pnl + last.pnl).toBeCloseTo(100, 10);
    expect(first.commission + reversal.roundTrip!.commission + last.commission).toBeCloseTo(6.1, 10);
  });
});
