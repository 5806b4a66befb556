import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StrategyDecision } from '../../../src-main/engine/ports';
import { Rng } from '../../../src-main/engine/rng';
import { liquidityProvision } from '../../../src-main/engine/strategies/liquidity-provision';
import { createSyntheticMarket } from '../../../src-main/feeds/synthetic-market';
import type { Bar, MarketSlice } from '../../../src-shared/domain/market';
import { LiquidityProvisionParamsSchema } from '../../../src-shared/settings/sections/strategy-params/advanced';
import { assertNoLookAhead, decisionsOver, scalePrices } from '../../helpers/no-look-ahead';
import { flatBar } from '../../helpers/snapshot';
import { cryptoSpec, ohlcBar, slicesOf, tradesByInstrument } from './advanced-fixtures';

const PARAMS = {
  enabled: true,
  instruments: ['X@v'],
  minEdge: 0.001,
  volatilityMultiple: 0,
  volatilityWindow: 2,
  imbalanceWindow: 2,
  inventorySkew: 0.0005,
  confidence: 0.5,
};
// Maker fee 0.0002: with volatilityMultiple 0 the half-spread is 0.0002 + 0.001 = 0.0012.
const SPECS = [cryptoSpec('X', 'v', 0.0005, 0.0002)];

function run(bars: Bar[], params: unknown = PARAMS) {
  const slices: MarketSlice[] = bars.map((bar) => ({ time: bar.time, bars: [bar] }));
  return decisionsOver(liquidityProvision, params, slices, SPECS);
}

const quote = (d: StrategyDecision) => {
  const s = d.signals[0]!;
  return [s.action, s.confidence, s.limitPrice === undefined ? undefined : Number(s.limitPrice.toFixed(8))];
};

// Signed volumes v·(close − open)/(high − low): bar 1: 10·0.3/1 = 3, bar 2: 10·0.2/0.5 = 4.
const WARM: Bar[] = [
  ohlcBar('X@v', 0, 100, 101, 99, 100.5),
  ohlcBar('X@v', 1, 100.5, 101, 100, 100.8),
  ohlcBar('X@v', 2, 100.8, 101, 100.5, 101),
];

describe('liquidity provision', () => {
  it('abstains while warming up, then quotes the bid when flat and order flow buys', () => {
    const out = run(WARM);
    expect(out[0]).toEqual({ signals: [], abstain: 'warming up: 0/2 returns' });
    expect(out[1]).toEqual({ signals: [], abstain: 'warming up: 1/2 returns' });
    // Imbalance (3 + 4) / 20 = 0.35 ≥ 0: bid = 101 × (1 − 0.0012) = 100.8788.
    expect(quote(out[2]!)).toEqual(['buy', 0.5, 100.8788]);
    expect(out[2]!.signals[0]!.reason).toBe('flat, order flow buying (or balanced): quote the bid');
  });

  it('books its own fills from the next bar and alternates sides with a skew toward unwinding', () => {
    const out = run([
      ...WARM,
      // Low 100.8 < bid 100.8788: filled, long → ask = 101.2 × (1 + 0.0012 − 0.0005) = 101.27084.
      ohlcBar('X@v', 3, 101, 101.3, 100.8, 101.2),
      // High 101.25 < 101.27084 and open below it: not filled, still long, same ask.
      ohlcBar('X@v', 4, 101.2, 101.25, 101.1, 101.2),
      // High 102 > ask: filled, short → bid = 101.9 × (1 − 0.0012 + 0.0005) = 101.82867.
      ohlcBar('X@v', 5, 101.2, 102, 101.2, 101.9),
      // Low 101.85 > bid: still short.
      ohlcBar('X@v', 6, 101.9, 102, 101.85, 101.9),
      // Opens at 101.5 ≤ bid (marketable on arrival): filled, long → ask = 101.6 × 1.0007 = 101.67112.
      ohlcBar('X@v', 7, 101.5, 101.7, 101.4, 101.6),
    ]);
    expect(quote(out[3]!)).toEqual(['sell', 0.5, 101.27084]);
    expect(out[3]!.signals[0]!.reason).toBe('long inventory: quote the ask');
    expect(quote(out[4]!)).toEqual(['sell', 0.5, 101.27084]);
    expect(quote(out[5]!)).toEqual(['buy', 0.5, 101.82867]);
    expect(out[5]!.signals[0]!.reason).toBe('short inventory: quote the bid');
    expect(quote(out[6]!)).toEqual(['buy', 0.5, 101.82867]);
    expect(quote(out[7]!)).toEqual(['sell', 0.5, 101.67112]);
  });

  it('quotes the ask when flat and order flow sells', () => {
    const out = run([
      ohlcBar('X@v', 0, 101, 101, 100, 100.5),
      ohlcBar('X@v', 1, 100.5, 100.5, 99.5, 99.8),
      ohlcBar('X@v', 2, 99.8, 100, 99.4, 99.5),
    ]);
    // Signed volume −7 and −5 over 20: −0.6 → ask = 99.5 × 1.0012 = 99.6194.
    expect(quote(out[2]!)).toEqual(['sell', 0.5, 99.6194]);
    expect(out[2]!.signals[0]!.reason).toBe('flat, order flow selling: quote the ask');
  });

  it('widens the half-spread with volatility: f + max(minEdge, multiple × σ)', () => {
    const out = run([flatBar('X@v', 0, 100), flatBar('X@v', 1, 101), flatBar('X@v', 2, 100)], {
      ...PARAMS,
      volatilityMultiple: 1,
    });
    // Returns ±ln 1.01: σ (population) = ln 1.01 = 0.00995033; h = 0.0002 + 0.00995033; no flow → the bid.
    expect(quote(out[2]!)).toEqual(['buy', 0.5, Number((100 * (1 - 0.0002 - Math.log(1.01))).toFixed(8))]);
  });

  it('holds instead of posting a bid that is not positive', () => {
    const out = run([flatBar('X@v', 0, 100), flatBar('X@v', 1, 200), flatBar('X@v', 2, 100)], {
      ...PARAMS,
      volatilityMultiple: 2,
    });
    // σ = ln 2: h = 0.0002 + 2·0.6931 = 138.6 %.
    expect(out[2]!.signals[0]).toMatchObject({
      action: 'hold',
      confidence: 0,
      reason: 'half-spread 138.6 % leaves no positive bid',
    });
    expect(out[2]!.signals[0]!.limitPrice).toBeUndefined();
  });

  it('abstains on instruments it is not configured for, or without their spec', () => {
    const other = decisionsOver(
      liquidityProvision,
      PARAMS,
      [{ time: 0, bars: [flatBar('Y@v', 0, 1)] }],
      SPECS,
    );
    expect(other[0]).toEqual({ signals: [], abstain: 'no configured instrument in this slice' });
    const noSpec = decisionsOver(liquidityProvision, PARAMS, [{ time: 0, bars: [flatBar('X@v', 0, 1)] }], []);
    expect(noSpec[0]).toEqual({ signals: [], abstain: 'no instrument spec for X@v' });
  });

  it('bids below mid × (1 − maker fee) and asks above mid × (1 + maker fee), whatever the path (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -0.02, max: 0.02, noNaN: true }), { minLength: 4, maxLength: 40 }),
        (moves) => {
          let close = 100;
          const bars = moves.map((m, t) => {
            const open = close;
            close = open * (1 + m);
            return ohlcBar(
              'X@v',
              t,
              open,
              Math.max(open, close) * 1.001,
              Math.min(open, close) * 0.999,
              close,
            );
          });
          return run(bars, { ...PARAMS, volatilityMultiple: 1 }).every((d, t) =>
            d.signals.every((s) =>
              s.action === 'buy'
                ? s.limitPrice! < bars[t]!.close * (1 - 0.0002)
                : s.limitPrice! > bars[t]!.close * (1 + 0.0002),
            ),
          );
        },
      ),
    );
  });

  it('rejects bad parameters with a message for the trader', () => {
    const skew = LiquidityProvisionParamsSchema.safeParse({ ...PARAMS, inventorySkew: 0.001 });
    expect(skew.error!.issues[0]).toMatchObject({
      path: ['inventorySkew'],
      message: 'inventorySkew must be below minEdge, so a skewed quote stays beyond the maker fee',
    });
    const twice = LiquidityProvisionParamsSchema.safeParse({ ...PARAMS, instruments: ['X@v', 'X@v'] });
    expect(twice.error!.issues[0]).toMatchObject({ path: ['instruments', 1], message: 'X@v appears twice' });
    const none = LiquidityProvisionParamsSchema.safeParse({ ...PARAMS, instruments: [] });
    expect(none.error!.issues[0]).toMatchObject({
      path: ['instruments'],
      message: 'expected at least one instrument id (or set enabled: false)',
    });
  });

  it('does not look ahead', () => {
    const rng = new Rng(9);
    const bars: Bar[] = [];
    let close = 100;
    for (let t = 0; t < 150; t++) {
      const open = close;
      close = open * (1 + 0.004 * (rng.next() - 0.5));
      const high = Math.max(open, close) * (1 + 0.002 * rng.next());
      const low = Math.min(open, close) * (1 - 0.002 * rng.next());
      bars.push(ohlcBar('X@v', t, open, high, low, close, 1 + rng.next()));
    }
    const slices = bars.map((bar) => ({ time: bar.time, bars: [bar] }));
    const decisions = decisionsOver(liquidityProvision, PARAMS, slices, SPECS);
    expect(new Set(decisions.flatMap((d) => d.signals.map((s) => s.action)))).toEqual(
      new Set(['buy', 'sell']),
    );
    assertNoLookAhead(liquidityProvision, PARAMS, slices, scalePrices, SPECS);
  });

  it('on the synthetic market quotes both sides of the configured instruments only, always with a limit', () => {
    const market = createSyntheticMarket({ seed: 8, maxBars: 600 });
    const params = {
      ...PARAMS,
      instruments: ['BTC-USD@alpha', 'ETH-USD@alpha'],
      volatilityWindow: 60,
      imbalanceWindow: 20,
      minEdge: 0.0005,
      inventorySkew: 0.0002,
      volatilityMultiple: 1,
    };
    const decisions = decisionsOver(liquidityProvision, params, slicesOf(market), market.instruments);
    const trades = tradesByInstrument(decisions);
    expect([...trades.keys()].sort()).toEqual(['BTC-USD@alpha', 'ETH-USD@alpha']);
    const sides = new Set<string>();
    for (const d of decisions)
      for (const s of d.signals) {
        expect(s.limitPrice).toBeGreaterThan(0);
        sides.add(s.action);
      }
    expect(sides).toEqual(new Set(['buy', 'sell']));
  });
});
