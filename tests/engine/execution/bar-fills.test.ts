import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src-main/engine/rng';
import { bar, engine, HOUR, MIN, order, quietConfig, slice } from './fixtures';

// The next bar of every test: open 100, high 101, low 98, close 99, volume 1000, so σ = 3 / 100 = 0.03.
const next = slice(bar(2 * MIN, 100, 101, 98, 99));

function fillOf(config = quietConfig(), request = order(), seed = 1) {
  const e = engine(config, seed);
  e.submit(request, MIN);
  return e.onSlice(next)[0];
}

describe('market orders at bar level', () => {
  it('fill at the next open with no cost when every component is off', () => {
    const fill = fillOf();
    expect(fill).toMatchObject({ orderId: 1, time: 2 * MIN, qty: 10, price: 100, liquidity: 'taker' });
    // taker fee 0.1 % of 10 × 100
    expect(fill!.commission).toBeCloseTo(1, 12);
  });

  it('base: buy 100 × (1 + 0.0002) = 100.02, sell 99.98, commission 10 × 100.02 × 0.001', () => {
    const config = quietConfig((c) => (c.slippage.base = 0.0002));
    const buy = fillOf(config)!;
    expect(buy.price).toBe(100.02);
    expect(buy.commission).toBeCloseTo(1.0002, 12);
    expect(fillOf(config, order({ side: 'sell' }))!.price).toBe(99.98);
  });

  it('size impact: 0.01 × √(10 / 1000) = 0.001 → 100.10', () => {
    expect(fillOf(quietConfig((c) => (c.slippage.sizeImpact = 0.01)))!.price).toBe(100.1);
  });

  it('volatility impact: 0.1 × σ 0.03 = 0.003 → 100.30 (sell 99.70)', () => {
    const config = quietConfig((c) => (c.slippage.volatilityImpact = 0.1));
    expect(fillOf(config)!.price).toBe(100.3);
    expect(fillOf(config, order({ side: 'sell' }))!.price).toBe(99.7);
  });

  it('market impact compounds over our fills in one bar: 0.5 × 10/1000 → 100.50, then 0.5 × 20/1000 → 101', () => {
    const e = engine(quietConfig((c) => (c.slippage.marketImpact = 0.5)));
    e.submit(order(), MIN);
    e.submit(order(), MIN);
    expect(e.onSlice(next).map((f) => f.price)).toEqual([100.5, 101]);
  });

  it('scales the sum of the components by the seeded factor in [0.8, 1.2)', () => {
    const config = quietConfig((c) => {
      c.slippage = {
        base: 0.0002,
        sizeImpact: 0.01,
        volatilityImpact: 0.1,
        marketImpact: 0.5,
        randomMin: 0.8,
        randomMax: 1.2,
      };
    });
    // The engine draws one factor per taker fill from its Rng: the first draw of Rng(5).
    const factor = new Rng(5).uniform(0.8, 1.2);
    const sum = 0.0002 + 0.001 + 0.003 + 0.005;
    const expected = Math.ceil(100 * (1 + sum * factor) * 100 - 1e-9) / 100;
    expect(fillOf(config, order(), 5)!.price).toBe(expected);
    expect(factor).toBeGreaterThanOrEqual(0.8);
    expect(factor).toBeLessThan(1.2);
  });

  it('reproduces the worked example of docs/EXECUTION.md with the default coefficients', () => {
    const e = engine(
      quietConfig((c) => {
        c.slippage = {
          base: 0.0002,
          sizeImpact: 0.001,
          volatilityImpact: 0.05,
          marketImpact: 0.01,
          randomMin: 1.1,
          randomMax: 1.1,
        };
      }),
    );
    e.submit(order(), MIN);
    // (0.0002 + 0.0001 + 0.0001 + 0.0001) × 1.1 = 0.00055 → 100.055 → 100.06
    expect(e.onSlice(slice(bar(2 * MIN, 100, 100.1, 99.9, 100)))[0]!.price).toBe(100.06);
  });

  it('rounds to the tick against the trader: buy up, sell down', () => {
    // base 0.000231: buy 100.0231 → 100.03; sell 99.9769 → 99.97
    const config = quietConfig((c) => (c.slippage.base = 0.000231));
    expect(fillOf(config)!.price).toBe(100.03);
    expect(fillOf(config, order({ side: 'sell' }))!.price).toBe(99.97);
  });

  it('never fills beyond the bar: a 5 % slippage buy pays the high 101, a sell gets the low 98', () => {
    const config = quietConfig((c) => (c.slippage.base = 0.05));
    expect(fillOf(config)!.price).toBe(101);
    expect(fillOf(config, order({ side: 'sell' }))!.price).toBe(98);
  });
});

describe('time-of-day effect', () => {
  // Equity bars one minute apart; the second closes at 14:31 UTC, so it traded in hour 14 (×1.4, ×1.4).
  const at1431 = 14 * HOUR + 31 * MIN;
  function equityFill(patch: Parameters<typeof quietConfig>[0], previous: number, time = at1431) {
    const e = engine(quietConfig(patch));
    e.onSlice(slice(bar(previous, 100, 100, 100, 100, 1000, 'E')));
    e.submit(order({ instrument: 'E' }), previous);
    return e.onSlice(slice(bar(time, 100, 101, 98, 99, 1000, 'E')))[0]!;
  }

  it('widens the base by the spread multiplier: 0.001 × 1.4 → 100.14', () => {
    const patch = (c: ReturnType<typeof quietConfig>) => {
      c.timeOfDay = true;
      c.slippage.base = 0.001;
    };
    expect(equityFill(patch, at1431 - MIN).price).toBe(100.14);
  });

  it('scales σ by the volatility multiplier: 0.1 × 0.03 × 1.4 → 100.42', () => {
    const patch = (c: ReturnType<typeof quietConfig>) => {
      c.timeOfDay = true;
      c.slippage.volatilityImpact = 0.1;
    };
    expect(equityFill(patch, at1431 - MIN).price).toBe(100.42);
    // daily bars span the session: no effect (0.1 × 0.03 → 100.30)
    expect(equityFill(patch, at1431 - 24 * HOUR).price).toBe(100.3);
  });

  it("gives a session's first bar after the night its opening hour: one-minute bars, then 13:31 → ×1.6", () => {
    // The bar length is the shortest interval seen (one minute), not the 16.5-hour gap before this bar, so
    // the bar closing at 13:31 opened at 13:30, hour 13: 0.001 × 1.6 → 100.16 (before: no effect, 100.10).
    const e = engine(
      quietConfig((c) => {
        c.timeOfDay = true;
        c.slippage.base = 0.001;
      }),
    );
    const evening = 20 * HOUR + 58 * MIN;
    e.onSlice(slice(bar(evening, 100, 100, 100, 100, 1000, 'E')));
    e.onSlice(slice(bar(evening + MIN, 100, 100, 100, 100, 1000, 'E')));
    e.submit(order({ instrument: 'E' }), evening + MIN);
    const nextOpen = 24 * HOUR + 13 * HOUR + 31 * MIN;
    expect(e.onSlice(slice(bar(nextOpen, 100, 101, 98, 99, 1000, 'E')))[0]!.price).toBe(100.16);
  });

  it('quiet hours: 03:00 UTC doubles the spread of an equity, crypto stays flat, and it can be turned off', () => {
    const patch = (c: ReturnType<typeof quietConfig>) => {
      c.timeOfDay = true;
      c.slippage.base = 0.001;
    };
    expect(equityFill(patch, 3 * HOUR, 3 * HOUR + MIN).price).toBe(100.2);
    const e = engine(quietConfig(patch));
    e.onSlice(slice(bar(3 * HOUR, 100, 100, 100, 100)));
    e.submit(order(), 3 * HOUR);
    expect(e.onSlice(slice(bar(3 * HOUR + MIN, 100, 101, 98, 99)))[0]!.price).toBe(100.1);
    const off = (c: ReturnType<typeof quietConfig>) => {
      patch(c);
      c.timeOfDay = false;
    };
    expect(equityFill(off, 3 * HOUR, 3 * HOUR + MIN).price).toBe(100.1);
  });
});

describe('limit orders at bar level', () => {
  it('a marketable buy limit is a taker capped at its limit: min(100 × 1.01, 100.50)', () => {
    const fill = fillOf(
      quietConfig((c) => (c.slippage.base = 0.01)),
      order({ type: 'limit', limitPrice: 100.5 }),
    )!;
    expect(fill).toMatchObject({ price: 100.5, liquidity: 'taker' });
    expect(fill.commission).toBeCloseTo(10 * 100.5 * 0.001, 12);
  });

  it('a resting buy limit fills as maker at the limit once the bar trades through it', () => {
    const fill = fillOf(quietConfig(), order({ type: 'limit', limitPrice: 99, timeInForce: 'gtc' }))!;
    expect(fill).toMatchObject({ price: 99, liquidity: 'maker', qty: 10 });
    expect(fill.commission).toBeCloseTo(10 * 99 * 0.0002, 12);
  });

  it('a resting sell limit mirrors it: fills at 100.5 when the high 101 passes it', () => {
    const fill = fillOf(
      quietConfig(),
      order({ side: 'sell', type: 'limit', limitPrice: 100.5, timeInForce: 'gtc' }),
    );
    expect(fill).toMatchObject({ price: 100.5, liquidity: 'maker' });
  });

  it('touching the limit is not trading through it: no fill at low = limit', () => {
    const e = engine(quietConfig());
    e.submit(order({ type: 'limit', limitPrice: 98, timeInForce: 'gtc' }), MIN);
    expect(e.onSlice(next)).toEqual([]);
    expect(e.workingOrders()).toHaveLength(1);
  });

  it('a gap through a resting limit fills at the open, as maker', () => {
    const e = engine(quietConfig());
    e.submit(order({ type: 'limit', limitPrice: 97, timeInForce: 'gtc' }), MIN);
    expect(e.onSlice(next)).toEqual([]);
    const [fill] = e.onSlice(slice(bar(3 * MIN, 96, 97.5, 95, 97)));
    expect(fill).toMatchObject({ price: 96, liquidity: 'maker' });
  });

  it('an ioc limit that is not marketable at the open is cancelled unfilled', () => {
    const e = engine(quietConfig());
    e.submit(order({ type: 'limit', limitPrice: 99 }), MIN);
    expect(e.onSlice(next)).toEqual([]);
    expect(e.workingOrders()).toEqual([]);
  });

  it('rounds a limit off the grid on the trader side: buy 99.999 → 99.99, sell 100.001 → 100.01', () => {
    const e = engine(quietConfig());
    expect(e.submit(order({ type: 'limit', limitPrice: 99.999 }), MIN).limitPrice).toBe(99.99);
    expect(e.submit(order({ side: 'sell', type: 'limit', limitPrice: 100.001 }), MIN).limitPrice).toBe(
      100.01,
    );
  });
});

describe('stop and stop-limit orders at bar level', () => {
  const base = quietConfig((c) => (c.slippage.base = 0.001));

  it('a buy stop triggers at the stop and fills as market: 100.5 × 1.001 = 100.6005 → 100.61', () => {
    const fill = fillOf(base, order({ type: 'stop', stopPrice: 100.5 }))!;
    expect(fill).toMatchObject({ price: 100.61, liquidity: 'taker' });
  });

  it('a sell stop triggers at the stop: 99 × 0.999 = 98.901 → 98.90', () => {
    expect(fillOf(base, order({ side: 'sell', type: 'stop', stopPrice: 99 }))!.price).toBe(98.9);
  });

  it('a stop the bar does not reach waits; a gap over it fills from the open', () => {
    const e = engine(base);
    const stop = e.submit(order({ type: 'stop', stopPrice: 101.5, timeInForce: 'gtc' }), MIN);
    expect(e.onSlice(next)).toEqual([]);
    expect(stop.triggered).toBe(false);
    // open 102 ≥ stop: 102 × 1.001 = 102.102 → 102.11
    expect(e.onSlice(slice(bar(3 * MIN, 102, 103, 101, 102)))[0]!.price).toBe(102.11);
  });

  it('a stop-limit within its limit fills as taker capped at the limit: min(100.61, 100.55)', () => {
    const fill = fillOf(base, order({ type: 'stop-limit', stopPrice: 100.5, limitPrice: 100.55 }));
    expect(fill).toMatchObject({ price: 100.55, liquidity: 'taker' });
  });

  it('a stop-limit triggered beyond its limit rests from the next bar and fills as maker', () => {
    const e = engine(base);
    const o = e.submit(
      order({ type: 'stop-limit', stopPrice: 100.5, limitPrice: 100.2, timeInForce: 'gtc' }),
      MIN,
    );
    expect(e.onSlice(next)).toEqual([]);
    expect(o.triggered).toBe(true);
    const [fill] = e.onSlice(slice(bar(3 * MIN, 100.4, 100.6, 100.1, 100.3)));
    expect(fill).toMatchObject({ price: 100.2, liquidity: 'maker' });
  });

  it('sell side through gaps: stop from the open, stop-limit beyond its limit rests, resting limits get the open', () => {
    const e = engine(base);
    const limit = e.submit(order({ side: 'sell', type: 'limit', limitPrice: 101, timeInForce: 'gtc' }), MIN);
    const stop = e.submit(order({ side: 'sell', type: 'stop', stopPrice: 99, timeInForce: 'gtc' }), MIN);
    const beyond = e.submit(
      order({ side: 'sell', type: 'stop-limit', stopPrice: 99, limitPrice: 98, timeInForce: 'gtc' }),
      MIN,
    );
    const within = e.submit(
      order({ side: 'sell', type: 'stop-limit', stopPrice: 99, limitPrice: 96.5, timeInForce: 'gtc' }),
      MIN,
    );
    // 100.5 does not pass the sell limit 101; 99.5 does not reach the stops at 99.
    expect(e.onSlice(slice(bar(2 * MIN, 100, 100.5, 99.5, 100)))).toEqual([]);
    // Gap down to 97: both stops trigger at the open; 97 × 0.999 = 96.903 → 96.90 (down to the tick).
    // The stop-limit at 98 is triggered beyond its limit (97 < 98): it rests, no fill in this bar.
    const gapDown = e.onSlice(slice(bar(3 * MIN, 97, 98.5, 96, 98)));
    expect(gapDown.map((f) => [f.orderId, f.price, f.liquidity])).toEqual([
      [stop.id, 96.9, 'taker'],
      [within.id, 96.9, 'taker'],
    ]);
    // Gap up to 103 through both resting sells (101 and 98): each fills at the open, as maker.
    const gapUp = e.onSlice(slice(bar(4 * MIN, 103, 104, 97, 98)));
    expect(gapUp.map((f) => [f.orderId, f.price, f.liquidity])).toEqual([
      [limit.id, 103, 'maker'],
      [beyond.id, 103, 'maker'],
    ]);
  });

  it('an ioc stop that does not trigger on the next bar is cancelled', () => {
    const e = engine(base);
    e.submit(order({ type: 'stop', stopPrice: 105 }), MIN);
    expect(e.onSlice(next)).toEqual([]);
    expect(e.workingOrders()).toEqual([]);
  });
});

describe('partial fills and time in force', () => {
  const capped = quietConfig((c) => (c.maxParticipation = 0.1));

  it('caps a bar at 10 % of its volume: ioc keeps 100 of 150 and cancels the rest', () => {
    const e = engine(capped);
    e.submit(order({ qty: 150 }), MIN);
    expect(e.onSlice(next).map((f) => f.qty)).toEqual([100]);
    expect(e.workingOrders()).toEqual([]);
  });

  it('gtc keeps the remainder working until the order is complete; the parts add up to the order', () => {
    const e = engine(capped);
    const o = e.submit(order({ qty: 150, timeInForce: 'gtc' }), MIN);
    const first = e.onSlice(next);
    expect(o.filledQty).toBe(100);
    const second = e.onSlice(slice(bar(3 * MIN, 100, 101, 99, 100, 300)));
    expect([...first, ...second].map((f) => f.qty)).toEqual([100, 30]);
    const third = e.onSlice(slice(bar(4 * MIN, 100, 101, 99, 100)));
    expect(third.map((f) => f.qty)).toEqual([20]);
    expect(o.filledQty).toBe(150);
    expect(e.workingOrders()).toEqual([]);
  });

  it('shares the cap between our orders on one instrument in one bar', () => {
    const e = engine(capped);
    e.submit(order({ qty: 70 }), MIN);
    e.submit(order({ qty: 70 }), MIN);
    expect(e.onSlice(next).map((f) => f.qty)).toEqual([70, 30]);
  });

  it('a resting limit takes only the volume beyond its limit: (99 − 98) / 3 of 10 % of 1000 → 33 lots', () => {
    const e = engine(capped);
    e.submit(order({ qty: 50, type: 'limit', limitPrice: 99, timeInForce: 'gtc' }), MIN);
    expect(e.onSlice(next).map((f) => f.qty)).toEqual([33]);
    expect(e.workingOrders()[0]!.filledQty).toBe(33);
  });

  it('a bar without volume fills nothing', () => {
    const e = engine(quietConfig());
    e.submit(order(), MIN);
    expect(e.onSlice(slice(bar(2 * MIN, 100, 101, 98, 99, 0)))).toEqual([]);
    expect(e.workingOrders()).toEqual([]);
  });
});

describe('order lifecycle', () => {
  it('works an order only from a slice after its submission, and only on its instrument', () => {
    const e = engine(quietConfig());
    e.submit(order(), 2 * MIN);
    expect(e.onSlice(next)).toEqual([]);
    e.submit(order({ instrument: 'E' }), 2 * MIN);
    const fills = e.onSlice(slice(bar(3 * MIN, 100, 101, 98, 99)));
    expect(fills.map((f) => f.instrument)).toEqual(['X']);
    expect(e.workingOrders().map((o) => o.instrument)).toEqual(['E']);
  });

  it('cancels one order or all of them', () => {
    const e = engine(quietConfig());
    const a = e.submit(order({ timeInForce: 'gtc' }), MIN);
    const b = e.submit(order({ timeInForce: 'gtc', instrument: 'E' }), MIN);
    expect(e.cancel(a.id)).toBe(a);
    expect(e.cancel(a.id)).toBeNull();
    expect(e.cancelAll()).toEqual([b]);
    expect(e.onSlice(next)).toEqual([]);
  });

  it('reports the microstructure of the latest bar and nothing before the first', () => {
    const e = engine(quietConfig());
    expect(e.microstructure('X')).toBeNull();
    expect(e.microstructure('nope')).toBeNull();
    e.onSlice(next);
    // first bar: volume ratio 1, σ 0.03, reference 0.04 → 1 / (1 + 1 + 0.75); spread 0.002 / (0.5 + L)
    const liquidity = 1 / 2.75;
    const m = e.microstructure('X')!;
    expect(m.liquidity).toBeCloseTo(liquidity, 12);
    expect(m.spread).toBeCloseTo(0.002 / (0.5 + liquidity), 12);
    expect(m.sigma).toBeCloseTo(0.03, 12);
    // (close − open) / range = −1/3, smoothing 0
    expect(m.imbalance).toBeCloseTo(-1 / 3, 12);
  });
});
