import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Bar } from '../../../src-shared/domain/market';
import type { Fill, OrderRequest } from '../../../src-main/engine/ports';
import { crypto, engine, MIN, quietConfig, slice, noisySlippage } from './fixtures';

// Invariants of every fill, whatever the order mix and the path of prices (bar and book level, default-like
// costs): a fill is inside its bar's range and within its limit, a maker fill only where the bar traded
// through the limit, a stop only once its trigger traded, commission = qty × price × the fee of its side,
// our fills in a bar stay within the participation cap, and an order never fills more than its quantity.

const cents = (x: number): number => Math.round(x * 100) / 100;

/** Bars on the 0.01 grid from a walk of open-to-open moves and intrabar excursions. */
const barsArb = fc
  .array(
    fc.record({
      gap: fc.integer({ min: -300, max: 300 }),
      up: fc.integer({ min: 0, max: 200 }),
      down: fc.integer({ min: 0, max: 200 }),
      close: fc.double({ min: 0, max: 1, noNaN: true }),
      volume: fc.integer({ min: 0, max: 5000 }),
    }),
    { minLength: 1, maxLength: 12 },
  )
  .map((steps) => {
    const bars: Bar[] = [];
    let previousClose = 100;
    steps.forEach((s, i) => {
      const open = cents(Math.max(1, previousClose + s.gap / 100));
      const high = cents(open + s.up / 100);
      const low = cents(Math.max(0.01, open - s.down / 100));
      const close = cents(low + (high - low) * s.close);
      bars.push({ instrument: 'X', time: (i + 2) * MIN, open, high, low, close, volume: s.volume });
      previousClose = close;
    });
    return bars;
  });

const priceArb = fc.integer({ min: 9500, max: 10500 }).map((c) => c / 100);

const orderArb: fc.Arbitrary<OrderRequest> = fc
  .record({
    side: fc.constantFrom<'buy' | 'sell'>('buy', 'sell'),
    qty: fc.integer({ min: 1, max: 400 }),
    type: fc.constantFrom<OrderRequest['type']>('market', 'limit', 'stop', 'stop-limit'),
    timeInForce: fc.constantFrom<'gtc' | 'ioc'>('gtc', 'ioc'),
    limit: priceArb,
    stop: priceArb,
  })
  .map((o) => ({
    instrument: 'X',
    side: o.side,
    qty: o.qty,
    type: o.type,
    timeInForce: o.timeInForce,
    strategy: 's',
    reason: 'r',
    ...(o.type === 'limit' || o.type === 'stop-limit' ? { limitPrice: o.limit } : {}),
    ...(o.type === 'stop' || o.type === 'stop-limit' ? { stopPrice: o.stop } : {}),
  }));

function configOf(mode: 'bar' | 'book') {
  return quietConfig((c) => {
    c.mode = mode;
    c.maxParticipation = 0.1;
    c.slippage = noisySlippage();
  });
}

describe('fill invariants (property)', () => {
  for (const mode of ['bar', 'book'] as const) {
    it(`${mode} level: every fill keeps the range, the limit, the trigger, the fee and the caps`, () => {
      fc.assert(
        fc.property(
          barsArb,
          fc.array(orderArb, { minLength: 1, maxLength: 6 }),
          fc.integer(),
          (bars, requests, seed) => {
            const config = configOf(mode);
            const e = engine(config, seed, [crypto]);
            const orders = requests.map((r) => e.submit(r, MIN));
            const byOrder = new Map<number, { fills: Fill[]; triggeredAt: number | null }>();
            for (const o of orders) byOrder.set(o.id, { fills: [], triggeredAt: null });
            for (const b of bars) {
              // Where each untriggered stop's trigger trades on this bar (before the engine sees it).
              for (const o of orders) {
                const state = byOrder.get(o.id)!;
                if (o.stopPrice === undefined || state.triggeredAt !== null) continue;
                const reached = o.side === 'buy' ? b.high >= o.stopPrice : b.low <= o.stopPrice;
                if (reached) state.triggeredAt = b.time;
              }
              const fills = e.onSlice(slice(b));
              let ours = 0;
              const seen = new Set<number>();
              for (const f of fills) {
                const o = orders.find((x) => x.id === f.orderId)!;
                expect(seen.has(o.id)).toBe(false); // one fill per order per bar
                seen.add(o.id);
                expect(f.time).toBe(b.time);
                expect(Number.isInteger(f.qty) && f.qty > 0).toBe(true);
                expect(f.price).toBeGreaterThanOrEqual(b.low);
                expect(f.price).toBeLessThanOrEqual(b.high);
                if (o.limitPrice !== undefined) {
                  if (o.side === 'buy') expect(f.price).toBeLessThanOrEqual(o.limitPrice);
                  else expect(f.price).toBeGreaterThanOrEqual(o.limitPrice);
                }
                if (f.liquidity === 'maker') {
                  expect(o.type === 'limit' || o.type === 'stop-limit').toBe(true);
                  const through = o.side === 'buy' ? b.low < o.limitPrice! : b.high > o.limitPrice!;
                  expect(through).toBe(true);
                }
                if (o.stopPrice !== undefined) expect(byOrder.get(o.id)!.triggeredAt).not.toBeNull();
                const fee = f.liquidity === 'maker' ? crypto.makerFee : crypto.takerFee;
                expect(f.commission).toBe(f.qty * f.price * fee);
                byOrder.get(o.id)!.fills.push(f);
                ours += f.qty;
              }
              expect(ours).toBeLessThanOrEqual(0.1 * b.volume + 1e-9);
            }
            for (const o of orders) {
              const total = byOrder.get(o.id)!.fills.reduce((s, f) => s + f.qty, 0);
              expect(total).toBeLessThanOrEqual(o.qty);
              expect(o.filledQty).toBe(total);
            }
          },
        ),
        { numRuns: 300 },
      );
    });
  }
});
