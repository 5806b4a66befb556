import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ExecutionConfig } from '../../../src-main/engine/execution/config';
import type { Fill, OrderRequest } from '../../../src-main/engine/ports';
import { Rng } from '../../../src-main/engine/rng';
import type { Bar, InstrumentSpec } from '../../../src-shared/domain/market';
import { bar, crypto, engine, MIN, quietConfig, slice, noisySlippage } from './fixtures';

const noisy = (mode: 'bar' | 'book') =>
  quietConfig((c) => {
    c.mode = mode;
    c.maxParticipation = 0.2;
    c.slippage = noisySlippage();
  });

/** 300 random bars and a few orders of every type per bar, all from a data Rng the engine does not share. */
function run(config: ExecutionConfig, seed: number): Fill[] {
  const data = new Rng(123);
  const e = engine(config, seed);
  const fills: Fill[] = [];
  let price = 100;
  const types = ['market', 'limit', 'stop', 'stop-limit'] as const;
  for (let i = 1; i <= 300; i++) {
    const open = price;
    price *= 1 + 0.004 * data.normal();
    const high = Math.max(open, price) * (1 + 0.002 * data.next());
    const low = Math.min(open, price) * (1 - 0.002 * data.next());
    fills.push(
      ...e.onSlice(slice(bar(i * MIN, open, high, low, price, Math.round(500 + 1000 * data.next())))),
    );
    for (let k = 0; k < 3; k++) {
      const type = types[Math.floor(data.next() * 4)]!;
      const side = data.next() < 0.5 ? 'buy' : 'sell';
      const away = (side === 'buy' ? 1 : -1) * 0.003 * price;
      const request: OrderRequest = {
        instrument: 'X',
        side,
        qty: 1 + Math.floor(data.next() * 200),
        type,
        timeInForce: data.next() < 0.5 ? 'gtc' : 'ioc',
        strategy: `s${k}`,
        reason: 'test',
      };
      if (type === 'limit' || type === 'stop-limit') request.limitPrice = price - away / 2;
      if (type === 'stop' || type === 'stop-limit') request.stopPrice = price + away;
      e.submit(request, i * MIN);
    }
  }
  return fills;
}

describe('determinism', () => {
  for (const mode of ['bar', 'book'] as const) {
    it(`${mode} level: the same seed gives identical fills, another seed different ones`, () => {
      const a = run(noisy(mode), 7);
      expect(a.length).toBeGreaterThan(100);
      expect(new Set(a.map((f) => f.liquidity)).size).toBe(2);
      expect(run(noisy(mode), 7)).toEqual(a);
      const c = run(noisy(mode), 8);
      expect(c.map((f) => f.price)).not.toEqual(a.map((f) => f.price));
    });
  }
});

// An instrument whose grid is not 1: lots of 0.1, ticks of 0.05.
const odd: InstrumentSpec = { ...crypto, id: 'X', lotSize: 0.1, tickSize: 0.05 };

const barArb = fc
  .record({
    open: fc.double({ min: 50, max: 150, noNaN: true }),
    up: fc.double({ min: 0, max: 5, noNaN: true }),
    down: fc.double({ min: 0, max: 5, noNaN: true }),
    close: fc.double({ min: 0, max: 1, noNaN: true }),
    volume: fc.integer({ min: 0, max: 2000 }),
  })
  .map(({ open, up, down, close, volume }) => ({
    open,
    high: open + up,
    low: open - down,
    close: open - down + close * (up + down),
    volume,
  }));

const orderArb = fc.record({
  side: fc.constantFrom('buy' as const, 'sell' as const),
  type: fc.constantFrom('market' as const, 'limit' as const, 'stop' as const, 'stop-limit' as const),
  lots: fc.integer({ min: 1, max: 3000 }),
  limit: fc.double({ min: 45, max: 155, noNaN: true }),
  stop: fc.double({ min: 45, max: 155, noNaN: true }),
  timeInForce: fc.constantFrom('gtc' as const, 'ioc' as const),
});

describe('fill invariants (property)', () => {
  it('fills stay inside their bar, within the limit, in whole lots, and never exceed the order', () => {
    fc.assert(
      fc.property(
        orderArb,
        fc.array(barArb, { minLength: 1, maxLength: 12 }),
        fc.constantFrom('bar' as const, 'book' as const),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        fc.integer(),
        (o, bars, mode, participation, seed) => {
          const config = noisy(mode);
          config.maxParticipation = participation;
          const e = engine(config, seed, [odd]);
          const request: OrderRequest = {
            instrument: 'X',
            side: o.side,
            qty: o.lots / 10,
            type: o.type,
            timeInForce: o.timeInForce,
            strategy: 's',
            reason: 'r',
          };
          if (o.type === 'limit' || o.type === 'stop-limit') request.limitPrice = o.limit;
          if (o.type === 'stop' || o.type === 'stop-limit') request.stopPrice = o.stop;
          const working = e.submit(request, 0);
          let filledLots = 0;
          bars.forEach((b, i) => {
            const current: Bar = { instrument: 'X', time: (i + 1) * MIN, ...b };
            for (const fill of e.onSlice(slice(current))) {
              expect(fill.price).toBeGreaterThanOrEqual(current.low);
              expect(fill.price).toBeLessThanOrEqual(current.high);
              if (working.limitPrice !== undefined) {
                if (o.side === 'buy') expect(fill.price).toBeLessThanOrEqual(working.limitPrice);
                else expect(fill.price).toBeGreaterThanOrEqual(working.limitPrice);
              }
              if (fill.liquidity === 'maker') {
                if (o.side === 'buy') expect(current.low).toBeLessThan(working.limitPrice!);
                else expect(current.high).toBeGreaterThan(working.limitPrice!);
              }
              const lots = fill.qty * 10;
              expect(Math.abs(lots - Math.round(lots))).toBeLessThan(1e-9);
              expect(fill.qty).toBeLessThanOrEqual(participation * current.volume + 1e-9);
              filledLots += Math.round(lots);
            }
          });
          expect(filledLots).toBeLessThanOrEqual(o.lots);
          expect(working.filledQty).toBeCloseTo(filledLots / 10, 9);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a gtc market order fills over as many bars as the cap needs, and its parts add up to it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        fc.array(fc.integer({ min: 1, max: 2000 }), { minLength: 1, maxLength: 20 }),
        fc.constantFrom('bar' as const, 'book' as const),
        (lots, volumes, mode) => {
          const config = noisy(mode);
          const e = engine(config, 3, [odd]);
          const request: OrderRequest = {
            instrument: 'X',
            side: 'buy',
            qty: lots / 10,
            type: 'market',
            timeInForce: 'gtc',
            strategy: 's',
            reason: 'r',
          };
          const working = e.submit(request, 0);
          let sum = 0;
          for (let i = 1; e.workingOrders().length > 0 && i < 10_000; i++) {
            const volume = volumes[i % volumes.length]!;
            for (const fill of e.onSlice(slice(bar(i * MIN, 100, 101, 99, 100, volume)))) {
              sum += Math.round(fill.qty * 10);
            }
          }
          expect(sum).toBe(lots);
          expect(working.filledQty).toBeCloseTo(lots / 10, 9);
        },
      ),
      { numRuns: 100 },
    );
  });
});
