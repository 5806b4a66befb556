import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src-main/engine/rng';
import { bar, engine, MIN, order, quietConfig, slice } from './fixtures';

// Book of every test unless said otherwise: bar open 100, high 102, low 98, volume 1000, so σ = 0.04 =
// referenceVolatility. First bar: volume ratio 1 → liquidity 1 / (1 + 1 + 1) = 1/3; spread
// 0.002 / (0.5 + 1/3) = 0.0024; no imbalance yet → mid 100. Asks 100 × (1.0012, 1.0024, 1.0036) =
// 100.12, 100.24, 100.36; bids 99.88, 99.76, 99.64. Side depth 0.6 × 1000 × 0.04 / 0.08 = 300 in weights
// 1/6, 2/6, 3/6 → 50, 100, 150 (random factor pinned to 1).
const book = quietConfig((c) => (c.mode = 'book'));
const base = () => bar(2 * MIN, 100, 102, 98, 100);

function fills(requests: Parameters<typeof order>[0][], config = book, next = base()) {
  const e = engine(config);
  for (const r of requests) e.submit(order(r), MIN);
  return e.onSlice(slice(next));
}

describe('book-level execution', () => {
  it('a market buy walks the asks: 50 @ 100.12 + 70 @ 100.24 → 100.19', () => {
    const [fill] = fills([{ qty: 120 }]);
    expect(fill).toMatchObject({ qty: 120, liquidity: 'taker' });
    expect(fill!.price).toBeCloseTo(12022.8 / 120, 10);
    expect(fill!.commission).toBeCloseTo(12022.8 * 0.001, 9);
  });

  it('a market sell walks the bids: 50 @ 99.88 + 10 @ 99.76 → 99.86', () => {
    expect(fills([{ qty: 60, side: 'sell' }])[0]!.price).toBeCloseTo(5991.6 / 60, 10);
  });

  it('what one order takes is gone for the next in the same bar: 30 @ 100.24 + 70 @ 100.36', () => {
    const [, second] = fills([{ qty: 120 }, { qty: 100 }]);
    expect(second!.price).toBeCloseTo(10032.4 / 100, 10);
  });

  it('stops at the participation cap: 10 % of 1000 → 100 = 50 @ 100.12 + 50 @ 100.24', () => {
    const capped = quietConfig((c) => {
      c.mode = 'book';
      c.maxParticipation = 0.1;
    });
    const [fill] = fills([{ qty: 120 }], capped);
    expect(fill!.qty).toBe(100);
    expect(fill!.price).toBeCloseTo(100.18, 10);
  });

  it('an ioc order larger than the book takes all 300 and the rest is cancelled', () => {
    const e = engine(book);
    e.submit(order({ qty: 400 }), MIN);
    const [fill] = e.onSlice(slice(base()));
    expect(fill!.qty).toBe(300);
    expect(fill!.price).toBeCloseTo(30084 / 300, 10);
    expect(e.workingOrders()).toEqual([]);
  });

  it('takes no level the bar did not trade: high 100.30 leaves 150 at 100.12 and 100.24', () => {
    const [fill] = fills([{ qty: 200 }], book, bar(2 * MIN, 100, 100.3, 96.3, 100));
    expect(fill!.qty).toBe(150);
    expect(fill!.price).toBeCloseTo(15030 / 150, 10);
  });

  it('a fill at one level is priced at that level, never an ulp beyond it or the bar: 11 @ 100.12', () => {
    // High 100.12 = the best ask: the buy of 11 takes 11 of the 50 at 100.12. The price as notional / qty
    // is 11 × 100.12 / 11 = 100.12000000000002 in doubles: above the bar's high and off the tick grid.
    const [buy] = fills([{ qty: 11 }], book, bar(2 * MIN, 100, 100.12, 98, 100));
    expect(buy).toMatchObject({ qty: 11, price: 100.12 });
    // 13 × 100.12 / 13 = 100.11999999999999 in doubles: below the level it took.
    expect(fills([{ qty: 13 }])[0]!.price).toBe(100.12);
  });

  it('a marketable limit takes only levels within it, then rests and fills as maker', () => {
    const e = engine(book);
    const o = e.submit(order({ qty: 120, type: 'limit', limitPrice: 100.2, timeInForce: 'gtc' }), MIN);
    const [taken] = e.onSlice(slice(base()));
    expect(taken).toMatchObject({ qty: 50, price: 100.12, liquidity: 'taker' });
    const [rested] = e.onSlice(slice(bar(3 * MIN, 100, 102, 98, 100)));
    // low 98 < 100.2: maker at min(open 100, 100.2)
    expect(rested).toMatchObject({ qty: 70, price: 100, liquidity: 'maker' });
    expect(o.filledQty).toBe(120);
  });

  it('a limit inside the spread on arrival joins the book: maker at its limit when the bar trades through', () => {
    // open 100 ≤ limit 100.1 < best ask 100.12: nothing to take; low 98 < 100.1 fills it at 100.10
    const [fill] = fills([{ qty: 10, type: 'limit', limitPrice: 100.1, timeInForce: 'gtc' }]);
    expect(fill).toMatchObject({ qty: 10, price: 100.1, liquidity: 'maker' });
  });

  it('a limit above a flat bar gets no book fill but rests at a price the bar traded: the high', () => {
    // high = low = 50: every ask (≥ 50.01) is beyond the bar; the bar traded below the limit 50.05
    const [fill] = fills(
      [{ qty: 1, type: 'limit', limitPrice: 50.05, timeInForce: 'gtc' }],
      book,
      bar(2 * MIN, 50, 50, 50, 50),
    );
    expect(fill).toMatchObject({ qty: 1, price: 50, liquidity: 'maker' });
  });

  it('a triggered stop walks a book formed at its trigger price: 50 @ 101.13 + 10 @ 101.25', () => {
    const [fill] = fills([{ qty: 60, type: 'stop', stopPrice: 101 }]);
    expect(fill!.price).toBeCloseTo(6069 / 60, 10);
  });

  it('order-flow imbalance lifts the mid and thins the asks', () => {
    const e = engine(book);
    // close at 102 in a 98–102 range: flow (102 − 100) / 4 = 0.5; smoothing 0 → imbalance 0.5
    e.onSlice(slice(bar(MIN, 100, 102, 98, 102)));
    expect(e.microstructure('X')!.imbalance).toBe(0.5);
    e.submit(order({ qty: 50 }), MIN);
    e.submit(order({ qty: 50, side: 'sell' }), MIN);
    const [buy, sell] = e.onSlice(slice(base()));
    // tilt 0.5 × 0.5 = 0.25: mid 100 × (1 + 0.25 × 0.0012) = 100.03; asks 100.150036 → 100.16 and
    // 100.270072 → 100.28 holding 225 × (1/6, 2/6) = 37.5, 75; bid 99.909964 → 99.90 holding 62.5
    expect(buy!.price).toBeCloseTo((37.5 * 100.16 + 12.5 * 100.28) / 50, 10);
    expect(sell!.price).toBeCloseTo(99.9, 10);
  });

  it('a liquid bar narrows the spread: volume 3 × its average → liquidity 0.6, spread 0.002 / 1.1', () => {
    const e = engine(book);
    e.onSlice(slice(bar(MIN, 100, 102, 98, 100)));
    e.onSlice(slice(bar(2 * MIN, 100, 102, 98, 100, 3000)));
    const m = e.microstructure('X')!;
    expect(m.liquidity).toBeCloseTo(0.6, 12);
    expect(m.spread).toBeCloseTo(0.002 / 1.1, 12);
  });

  it('draws each level size from the seeded Rng: sizes 50·u0, 100·u1, 150·u2', () => {
    const random = quietConfig((c) => {
      c.mode = 'book';
      c.slippage.randomMin = 0.8;
      c.slippage.randomMax = 1.2;
    });
    const rng = new Rng(1);
    const u0 = rng.uniform(0.8, 1.2);
    const first = 50 * u0;
    const [fill] = fills([{ qty: 60 }], random);
    expect(fill!.price).toBeCloseTo((first * 100.12 + (60 - first) * 100.24) / 60, 10);
  });
});
