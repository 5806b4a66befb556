import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Fill } from '../../../src-main/engine/ports';
import { Rng } from '../../../src-main/engine/rng';
import type { InstrumentSpec } from '../../../src-shared/domain/market';
import { bar, crypto, engine, HOUR, MIN, noisySlippage, order, quietConfig, slice } from './fixtures';

// A prediction contract listed while the market runs (the next one of its series after a settlement).
const contract: InstrumentSpec = {
  id: 'P-2',
  symbol: 'P-2',
  venue: 'alpha',
  assetClass: 'prediction',
  lotSize: 1,
  tickSize: 0.01,
  makerFee: 0.005,
  takerFee: 0.02,
};

/** An engine that knows only X and has traded it for three slices (bars at 1–3 min). */
function runningEngine(config = quietConfig((c) => (c.slippage.base = 0.01))) {
  const e = engine(config, 1, [crypto]);
  for (let t = 1; t <= 3; t++) {
    e.submit(order({ qty: 5 }), t * MIN);
    e.onSlice(slice(bar(t * MIN, 100, 102, 98, 100)));
  }
  return e;
}

describe('an instrument listed after the start, bar level', () => {
  it('is unknown before it is added and tradable after: taker prices rounded to its tick against the trader', () => {
    const e = runningEngine();
    expect(() => e.submit(order({ instrument: 'P-2' }), 3 * MIN)).toThrow(
      'order for unknown instrument "P-2": not among the feed\'s instruments',
    );
    e.addInstrument(contract);
    expect(e.microstructure('P-2')).toBeNull();
    e.submit(order({ instrument: 'P-2', qty: 100, strategy: 'b' }), 3 * MIN);
    e.submit(order({ instrument: 'P-2', qty: 50, side: 'sell', strategy: 's' }), 3 * MIN);
    const fills = e.onSlice(
      slice(bar(4 * MIN, 100, 102, 98, 100), bar(4 * MIN, 0.4, 0.44, 0.38, 0.42, 5000, 'P-2')),
    );
    // X (its order from minute 3): 100 × 1.01 = 101. P-2: buy 0.40 × 1.01 = 0.404 → up to 0.41, commission
    // 100 × 0.41 × 0.02 = 0.82; sell 0.40 × 0.99 = 0.396 → down to 0.39, commission 50 × 0.39 × 0.02 = 0.39.
    expect(fills.map((f) => [f.instrument, f.side, f.qty, f.price, f.liquidity])).toEqual([
      ['X', 'buy', 5, 101, 'taker'],
      ['P-2', 'buy', 100, 0.41, 'taker'],
      ['P-2', 'sell', 50, 0.39, 'taker'],
    ]);
    expect(fills[1]).toMatchObject({ time: 4 * MIN, strategy: 'b', orderId: 4 });
    expect(fills[1]!.commission).toBeCloseTo(0.82, 12);
    expect(fills[2]!.commission).toBeCloseTo(0.39, 12);
    // σ of its first bar: 0.06 / 0.40; its own microstructure state, apart from X's
    expect(e.microstructure('P-2')!.sigma).toBeCloseTo(0.15, 12);
  });

  it('rests a limit as maker at its limit, with its maker fee: 30 @ 0.39, commission 30 × 0.39 × 0.005', () => {
    const e = runningEngine();
    e.addInstrument(contract);
    e.submit(
      order({ instrument: 'P-2', qty: 30, type: 'limit', limitPrice: 0.39, timeInForce: 'gtc' }),
      3 * MIN,
    );
    // open 0.41 is above the limit (not marketable); low 0.37 trades through it
    const [fill] = e.onSlice(slice(bar(4 * MIN, 0.41, 0.42, 0.37, 0.4, 5000, 'P-2')));
    expect(fill).toMatchObject({ instrument: 'P-2', qty: 30, price: 0.39, liquidity: 'maker' });
    expect(fill!.commission).toBeCloseTo(0.0585, 12);
  });

  it('gets the time-of-day effect of its asset class: an equity at 14:00 UTC pays base × 1.4', () => {
    const config = quietConfig((c) => {
      c.slippage.base = 0.01;
      c.timeOfDay = true;
    });
    const e = runningEngine(config);
    e.addInstrument({ ...crypto, id: 'E-late', assetClass: 'equity' });
    e.addInstrument(contract);
    e.onSlice(
      slice(
        bar(14 * HOUR, 100, 102, 98, 100, 1000, 'E-late'),
        bar(14 * HOUR, 100, 102, 98, 100, 1000, 'P-2'),
      ),
    );
    e.submit(order({ instrument: 'E-late' }), 14 * HOUR);
    e.submit(order({ instrument: 'P-2' }), 14 * HOUR);
    const t = 14 * HOUR + MIN;
    const fills = e.onSlice(
      slice(bar(t, 100, 102, 98, 100, 1000, 'E-late'), bar(t, 100, 102, 98, 100, 1000, 'P-2')),
    );
    // the bar opened in hour 14: equity spread multiplier 1.4 → 100 × 1.014; a prediction market runs 24 h → × 1
    expect(fills.map((f) => f.price)).toEqual([101.4, 101]);
  });
});

describe('an instrument listed after the start, book level', () => {
  it('walks its own book on its own tick: 50 @ 100.15 + 70 @ 100.25; X keeps its own book', () => {
    const book = quietConfig((c) => (c.mode = 'book'));
    const e = runningEngine(book);
    e.addInstrument({ ...contract, tickSize: 0.05 });
    e.submit(order({ instrument: 'P-2', qty: 120 }), 3 * MIN);
    e.submit(order({ qty: 120 }), 3 * MIN);
    const fills = e.onSlice(
      slice(bar(4 * MIN, 100, 102, 98, 100), bar(4 * MIN, 100, 102, 98, 100, 1000, 'P-2')),
    );
    // P-2's first bar (as in book-fills.test.ts): liquidity 1/3, spread 0.0024, asks 100.12, 100.24, 100.36
    // holding 50, 100, 150, here rounded up to the 0.05 tick: 100.15, 100.25, 100.40.
    // 50 × 100.15 + 70 × 100.25 = 12025.
    expect(fills[1]).toMatchObject({ instrument: 'P-2', qty: 120, liquidity: 'taker' });
    expect(fills[1]!.price).toBeCloseTo(12025 / 120, 10);
    expect(fills[1]!.commission).toBeCloseTo(12025 * 0.02, 9);
    // X after three equal bars (average volume 1000, no imbalance) has the same book on the 0.01 tick. Its
    // order of minute 3 takes 5 @ 100.12 first; then 45 @ 100.12 + 75 @ 100.24 = 12023.4. P-2's walk
    // took nothing from X's book.
    expect(fills[0]).toMatchObject({ instrument: 'X', qty: 5, price: 100.12 });
    expect(fills[2]).toMatchObject({ instrument: 'X', qty: 120 });
    expect(fills[2]!.price).toBeCloseTo(12023.4 / 120, 10);
  });
});

describe('addInstrument', () => {
  it('is a no-op for an id already known: the first spec, the state and the working orders stay', () => {
    const e = runningEngine();
    e.addInstrument(contract);
    const working = e.submit(order({ instrument: 'P-2', qty: 100, timeInForce: 'gtc' }), 3 * MIN);
    const before = e.microstructure('X');
    expect(before).not.toBeNull();
    e.addInstrument({ ...contract, tickSize: 0.05, takerFee: 0.5 });
    e.addInstrument({ ...crypto, assetClass: 'equity' });
    expect(e.microstructure('X')).toEqual(before);
    expect(e.workingOrders().map((o) => o.id)).toEqual([3, working.id]);
    const [fill] = e.onSlice(slice(bar(4 * MIN, 0.4, 0.44, 0.38, 0.42, 5000, 'P-2')));
    // still the 0.01 tick and the 0.02 fee: 0.404 → 0.41 (a 0.05 tick would give 0.45, held at the high 0.44)
    expect(fill).toMatchObject({ price: 0.41, qty: 100 });
    expect(fill!.commission).toBeCloseTo(0.82, 12);
  });

  const refusals: [Partial<InstrumentSpec>, string][] = [
    [{ tickSize: 0 }, 'instrument P-2: tickSize must be a positive number'],
    [{ tickSize: Number.NaN }, 'instrument P-2: tickSize must be a positive number'],
    [{ lotSize: -1 }, 'instrument P-2: lotSize must be a positive number'],
    [{ lotSize: Infinity }, 'instrument P-2: lotSize must be a positive number'],
    [{ makerFee: -0.001 }, 'instrument P-2: makerFee must be a number ≥ 0'],
    [{ takerFee: Number.NaN }, 'instrument P-2: takerFee must be a number ≥ 0'],
  ];
  for (const [patch, message] of refusals) {
    it(`refuses ${JSON.stringify(patch)} and adds nothing`, () => {
      const e = runningEngine();
      expect(() => e.addInstrument({ ...contract, ...patch })).toThrow(new RangeError(message));
      expect(() => e.submit(order({ instrument: 'P-2' }), 3 * MIN)).toThrow(
        'order for unknown instrument "P-2": not among the feed\'s instruments',
      );
    });
  }

  it('refuses a bad spec even under a known id (the caller has a bug either way)', () => {
    const e = runningEngine();
    expect(() => e.addInstrument({ ...crypto, makerFee: -1 })).toThrow(
      new RangeError('instrument X: makerFee must be a number ≥ 0'),
    );
  });

  it('accepts exactly the specs with a positive finite grid and finite fees ≥ 0 (property)', () => {
    const number = fc.oneof(fc.double(), fc.constantFrom(0, -0, Infinity, Number.NaN, 1e-9, 0.01));
    fc.assert(
      fc.property(number, number, number, number, (tickSize, lotSize, makerFee, takerFee) => {
        const e = engine(quietConfig(), 1, []);
        const spec = { ...contract, tickSize, lotSize, makerFee, takerFee };
        const valid =
          Number.isFinite(tickSize) &&
          tickSize > 0 &&
          Number.isFinite(lotSize) &&
          lotSize > 0 &&
          Number.isFinite(makerFee) &&
          makerFee >= 0 &&
          Number.isFinite(takerFee) &&
          takerFee >= 0;
        if (valid) expect(() => e.addInstrument(spec)).not.toThrow();
        else expect(() => e.addInstrument(spec)).toThrow(RangeError);
      }),
    );
  });
});

describe('adding an instrument changes nothing for the others', () => {
  const noisy = (mode: 'bar' | 'book') =>
    quietConfig((c) => {
      c.mode = mode;
      c.maxParticipation = 0.2;
      c.slippage = noisySlippage();
    });

  /** 200 bars of X with orders of every type; with `listAt`, P-2 is listed then and its bars flow too. */
  function run(mode: 'bar' | 'book', listAt: number | null): Fill[] {
    const data = new Rng(321);
    const e = engine(noisy(mode), 9, [crypto]);
    const types = ['market', 'limit', 'stop', 'stop-limit'] as const;
    const fills: Fill[] = [];
    let price = 100;
    for (let i = 1; i <= 200; i++) {
      const open = price;
      price *= 1 + 0.004 * data.normal();
      const high = Math.max(open, price) * 1.001;
      const low = Math.min(open, price) * 0.999;
      const bars = [bar(i * MIN, open, high, low, price, 1000)];
      if (listAt !== null && i === listAt) e.addInstrument(contract);
      if (listAt !== null && i >= listAt) bars.push(bar(i * MIN, 0.5, 0.52, 0.47, 0.49, 800, 'P-2'));
      fills.push(...e.onSlice(slice(...bars)));
      const type = types[i % 4]!;
      const side = data.next() < 0.5 ? 'buy' : 'sell';
      const away = (side === 'buy' ? 1 : -1) * 0.003 * price;
      const request = order({ side, type, qty: 1 + Math.floor(data.next() * 100), timeInForce: 'gtc' });
      if (type === 'limit' || type === 'stop-limit') request.limitPrice = price - away / 2;
      if (type === 'stop' || type === 'stop-limit') request.stopPrice = price + away;
      e.submit(request, i * MIN);
    }
    return fills;
  }

  for (const mode of ['bar', 'book'] as const) {
    it(`${mode} level: the same seed gives X exactly the same fills with or without P-2 listed at bar 100`, () => {
      const alone = run(mode, null);
      expect(alone.length).toBeGreaterThan(50);
      expect(run(mode, 100)).toEqual(alone);
    });
  }
});
