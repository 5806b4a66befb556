import { describe, expect, it } from 'vitest';
import { Portfolio } from '../../src-main/engine/portfolio';
import type { BookedFill } from '../../src-main/engine/portfolio';

const fill = (side: BookedFill['side'], qty: number, price: number, commission: number): BookedFill => ({
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
    expect(p.applyFill(fill('buy', 10, 100, 1))).toEqual({ realizedPnl: 0, effect: 'open' });
    expect(p.view().cash).toBeCloseTo(8999, 10);

    expect(p.applyFill(fill('buy', 10, 110, 1.1))).toEqual({ realizedPnl: 0, effect: 'increase' });
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
