import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exposure, turnover } from '../../../src-main/engine/metrics/exposure';
import { attribution, tradeStats } from '../../../src-main/engine/metrics/trades';
import type { OpenPosition, RoundTrip, TradeFill } from '../../../src-main/engine/metrics/types';

function trip(pnl: number, commission: number, strategy: string, entryTime = 0, exitTime = 1): RoundTrip {
  return {
    instrument: 'X',
    side: 'long',
    qty: 1,
    entryTime,
    exitTime,
    entryPrice: 100,
    exitPrice: 100 + pnl,
    pnl,
    commission,
    strategy,
    exitStrategy: strategy,
  };
}

// Net P&L +10, −5, +3, 0.
const trips = [trip(11, 1, 'a'), trip(-4, 1, 'a'), trip(4, 1, 'b'), trip(1, 1, 'b')];

describe('trade statistics (net of commission)', () => {
  it('win rate 2/4, profit factor 13/5, expectancy (10 − 5 + 3 + 0)/4', () => {
    expect(tradeStats(trips)).toEqual({
      trades: 4,
      wins: 2,
      losses: 1,
      winRate: 0.5,
      grossProfit: 13,
      grossLoss: 5,
      profitFactor: 2.6,
      expectancy: 2,
    });
  });

  it('has no rates without trades and no profit factor without a loss', () => {
    expect(tradeStats([])).toMatchObject({ winRate: null, profitFactor: null, expectancy: null });
    expect(tradeStats([trip(5, 1, 'a')]).profitFactor).toBeNull();
  });

  it('attributes to the opening strategy, in strategy order', () => {
    expect(attribution([trips[2]!, trips[0]!, trips[3]!, trips[1]!])).toEqual([
      { strategy: 'a', trades: 2, wins: 1, pnl: 7, commission: 2, netPnl: 5 },
      { strategy: 'b', trades: 2, wins: 1, pnl: 5, commission: 2, netPnl: 3 },
    ]);
  });

  it('splits the totals exactly: rows sum to the trades, wins, P&L and commission of all trips (property)', () => {
    // Integer cents, so every sum is exact whatever the order: the rows must add up to the totals of
    // tradeStats and of the trips themselves (each trip counted once, under its opening strategy).
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.integer({ min: -10_000, max: 10_000 }),
            fc.integer({ min: 0, max: 500 }),
            fc.constantFrom('a', 'b', 'c'),
          ),
        ),
        (rows) => {
          const all = rows.map(([pnl, commission, strategy]) => trip(pnl, commission, strategy));
          const split = attribution(all);
          const stats = tradeStats(all);
          const sum = (pick: (r: (typeof split)[number]) => number) => split.reduce((t, r) => t + pick(r), 0);
          expect(sum((r) => r.trades)).toBe(all.length);
          expect(sum((r) => r.wins)).toBe(stats.wins);
          expect(sum((r) => r.pnl)).toBe(all.reduce((t, x) => t + x.pnl, 0));
          expect(sum((r) => r.commission)).toBe(all.reduce((t, x) => t + x.commission, 0));
          expect(sum((r) => r.netPnl)).toBe(stats.grossProfit - stats.grossLoss);
          expect(new Set(split.map((r) => r.strategy)).size).toBe(split.length);
        },
      ),
    );
  });
});

describe('exposure and turnover', () => {
  const open: OpenPosition[] = [
    { instrument: 'Y', side: 'short', qty: 1, entryTime: 9, entryPrice: 1, commission: 0, strategy: 'a' },
  ];

  it('unions overlapping holding periods: [1,5] ∪ [7,8] ∪ [9,10] = 6 of 10', () => {
    const held = [trip(0, 0, 'a', 1, 3), trip(0, 0, 'a', 2, 5), trip(0, 0, 'a', 7, 8)];
    expect(exposure(held, open, 0, 10)).toBeCloseTo(0.6, 12);
  });

  it('clips to the period and is null for an empty one', () => {
    expect(exposure([trip(0, 0, 'a', -5, 2)], [], 0, 4)).toBe(0.5);
    expect(exposure([], [], 3, 3)).toBeNull();
  });

  it('never exceeds 1 or falls below 0 (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -20, max: 120 }), fc.integer({ min: 0, max: 50 }))),
        (spans) => {
          const held = spans.map(([from, length]) => trip(0, 0, 'a', from, from + length));
          const share = exposure(held, [], 0, 100)!;
          expect(share).toBeGreaterThanOrEqual(0);
          expect(share).toBeLessThanOrEqual(1);
        },
      ),
    );
  });

  it('turnover: traded notional 10 × 100 + 10 × 110 over mean equity 1000 = 2.1', () => {
    const fills: TradeFill[] = [
      { time: 1, instrument: 'X', side: 'buy', qty: 10, price: 100, commission: 0, strategy: 'a' },
      { time: 2, instrument: 'X', side: 'sell', qty: 10, price: 110, commission: 0, strategy: 'a' },
    ];
    expect(turnover(fills, { times: [0, 1, 2], values: [1000, 1100, 900] })).toBeCloseTo(2.1, 12);
    expect(turnover(fills, { times: [0], values: [-1] })).toBeNull();
  });
});
