import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Portfolio, type BookedFill } from '../../src-main/engine/portfolio';
import type { RoundTrip } from '../../src-main/engine/ports';

/** A fill (whole quantity, price in cents, commission in cents) or a mark of one of three instruments. */
const step = fc.oneof(
  fc.record({
    kind: fc.constant('fill' as const),
    instrument: fc.constantFrom('A', 'B', 'C'),
    side: fc.constantFrom('buy' as const, 'sell' as const),
    qty: fc.integer({ min: 1, max: 60 }),
    cents: fc.integer({ min: 1, max: 50_000 }),
    commissionCents: fc.integer({ min: 0, max: 500 }),
  }),
  fc.record({
    kind: fc.constant('mark' as const),
    instrument: fc.constantFrom('A', 'B', 'C'),
    cents: fc.integer({ min: 1, max: 50_000 }),
  }),
);

const INITIAL = 100_000;

describe('Portfolio accounting identities (longs, shorts, partial closes, reversals)', () => {
  it('equity = cash + marked positions = initial cash + realised + unrealised − commissions', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 80 }), (steps) => {
        const p = new Portfolio(INITIAL);
        // Independent reference: the cash a trader would count, fill by fill.
        let cash = INITIAL;
        let commissions = 0;
        const trips: RoundTrip[] = [];
        for (const [time, s] of steps.entries()) {
          const price = s.cents / 100;
          if (s.kind === 'mark') {
            p.mark({
              instrument: s.instrument,
              time,
              open: price,
              high: price,
              low: price,
              close: price,
              volume: 1,
            });
            continue;
          }
          const fill: BookedFill = {
            time,
            instrument: s.instrument,
            side: s.side,
            qty: s.qty,
            price,
            commission: s.commissionCents / 100,
            strategy: 't',
          };
          cash -= (s.side === 'buy' ? 1 : -1) * s.qty * price + fill.commission;
          commissions += fill.commission;
          const booking = p.applyFill(fill);
          if (booking.roundTrip) trips.push(booking.roundTrip);
        }
        const view = p.view();
        const positions = p.positions();
        const marked = positions.reduce((sum, pos) => sum + pos.qty * pos.lastPrice, 0);
        const tolerance = 1e-6;
        expect(view.cash).toBeCloseTo(cash, 6);
        expect(view.commissions).toBeCloseTo(commissions, 6);
        expect(Math.abs(view.equity - (cash + marked))).toBeLessThan(tolerance);
        expect(
          Math.abs(view.equity - (INITIAL + view.realizedPnl + view.unrealizedPnl - view.commissions)),
        ).toBeLessThan(tolerance);
        // Round trips add up to the realised P&L; their commissions plus those still carried by open
        // positions add up to every commission paid.
        expect(Math.abs(trips.reduce((sum, t) => sum + t.pnl, 0) - view.realizedPnl)).toBeLessThan(tolerance);
        const carried = p.checkpoint(0).positions.reduce((sum, pos) => sum + pos.entryCommission, 0);
        expect(
          Math.abs(trips.reduce((sum, t) => sum + t.commission, 0) + carried - commissions),
        ).toBeLessThan(tolerance);
        // Each position's unrealised P&L has the sign of its quantity times its price move.
        for (const pos of positions)
          expect(Math.sign(pos.unrealizedPnl)).toBe(
            Math.sign(pos.qty) * Math.sign(pos.lastPrice - pos.avgPrice),
          );
      }),
      { numRuns: 400 },
    );
  });
});
