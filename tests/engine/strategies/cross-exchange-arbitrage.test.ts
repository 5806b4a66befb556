import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crossExchangeArbitrage } from '../../../src-main/engine/strategies/cross-exchange-arbitrage';
import { createSyntheticMarket } from '../../../src-main/feeds/synthetic-market';
import type { InstrumentSpec, MarketSlice } from '../../../src-shared/domain/market';
import { CrossExchangeArbitrageParamsSchema } from '../../../src-shared/settings/sections/strategy-params/advanced';
import { assertNoLookAhead, decisionsOver } from '../../helpers/no-look-ahead';
import { flatBar } from '../../helpers/snapshot';
import { cryptoSpec, scaleFirstBar, slicesOf, tradesByInstrument } from './advanced-fixtures';

const PARAMS = {
  enabled: true,
  slippagePerLeg: 0.0002,
  margin: 0.0005,
  exitSpread: 0.0005,
  staleLegSteps: 3,
};
// Entry threshold for venues a (taker 0.0005) and b (taker 0.0006):
// 2·(0.0005 + 0.0006) + 4·0.0002 + 0.0005 + 0.0005 = 0.0022 + 0.0008 + 0.001 = 0.004.
const SPECS: InstrumentSpec[] = [
  cryptoSpec('BTC', 'a', 0.0005),
  cryptoSpec('BTC', 'b', 0.0006),
  cryptoSpec('ETH', 'a'),
];

/** One slice per row of [close on a, close on b] (undefined: no bar). */
function run(rows: [number | undefined, number | undefined][], specs = SPECS, params: unknown = PARAMS) {
  const slices: MarketSlice[] = rows.map(([a, b], t) => ({
    time: t,
    bars: [
      ...(a === undefined ? [] : [flatBar('BTC@a', t, a)]),
      ...(b === undefined ? [] : [flatBar('BTC@b', t, b)]),
    ],
  }));
  return decisionsOver(crossExchangeArbitrage, params, slices, specs);
}

/** instrument → [action, confidence rounded to 10 decimals (the hand values are exact to ~1e-14)]. */
const actions = (d: ReturnType<typeof run>[number]) =>
  Object.fromEntries(d.signals.map((s) => [s.instrument, [s.action, Number(s.confidence.toFixed(10))]]));

describe('cross-exchange arbitrage', () => {
  it('holds both venues while the spread is within the entry threshold', () => {
    const [d] = run([[100, 100.3]]);
    // 100.3 / 100 − 1 = 0.3 % < 0.4 %.
    expect(actions(d!)).toEqual({ 'BTC@a': ['hold', 0], 'BTC@b': ['hold', 0] });
    expect(d!.signals[0]!.reason).toBe('BTC spread 0.300 % within entry 0.400 %');
  });

  it('sells the rich venue and buys the cheap one above the threshold, keeps the pair, closes at the exit', () => {
    const out = run([
      [100, 100.5],
      [100, 100.2],
      [100, 100.04],
    ]);
    // s = 0.5 % > 0.4 %: confidence min(1, 0.005 / 0.008) = 0.625 on both legs.
    expect(actions(out[0]!)).toEqual({ 'BTC@a': ['buy', 0.625], 'BTC@b': ['sell', 0.625] });
    expect(out[0]!.signals.find((s) => s.instrument === 'BTC@b')!.reason).toBe(
      'BTC b/a spread 0.500 % beats entry 0.400 %: sell the rich venue',
    );
    // s = 0.2 %: below entry but above the 0.05 % exit, so the pair stays open at its entry confidence.
    expect(actions(out[1]!)).toEqual({ 'BTC@a': ['buy', 0.625], 'BTC@b': ['sell', 0.625] });
    // s = 0.04 % ≤ 0.05 %: converged, both legs hold.
    expect(actions(out[2]!)).toEqual({ 'BTC@a': ['hold', 0], 'BTC@b': ['hold', 0] });
    expect(out[2]!.signals[0]!.reason).toBe(
      'BTC spread 0.040 % within entry 0.400 %, pair closed at spread 0.040 %',
    );
  });

  it('reverses in one step when the spread flips beyond the threshold', () => {
    const out = run([
      [100, 100.5],
      [100.6, 100],
    ]);
    // Open pair b/a: its spread 100 / 100.6 − 1 < exit, so it closes; a/b = 0.6 % > 0.4 % opens with
    // confidence 0.006 / 0.008 = 0.75.
    expect(actions(out[1]!)).toEqual({ 'BTC@a': ['sell', 0.75], 'BTC@b': ['buy', 0.75] });
    expect(out[1]!.signals[0]!.confidence).toBeCloseTo(0.75, 12);
  });

  it('reaches full confidence at twice the threshold', () => {
    const [d] = run([[100, 101]]);
    expect(actions(d!)).toEqual({ 'BTC@a': ['buy', 1], 'BTC@b': ['sell', 1] });
  });

  it('uses the fees of the two venues: a dearer venue needs a wider spread', () => {
    const specs = [cryptoSpec('BTC', 'a', 0.0005), cryptoSpec('BTC', 'b', 0.001)];
    // 2·(0.0005 + 0.001) + 0.0008 + 0.001 = 0.0048 > 0.45 %.
    const [d] = run([[100, 100.45]], specs);
    expect(actions(d!)).toEqual({ 'BTC@a': ['hold', 0], 'BTC@b': ['hold', 0] });
  });

  it('with three venues trades the richest against the cheapest and holds the third', () => {
    const specs = [...SPECS, cryptoSpec('BTC', 'c', 0.0005)];
    const slices: MarketSlice[] = [
      { time: 0, bars: [flatBar('BTC@a', 0, 100), flatBar('BTC@b', 0, 100.5), flatBar('BTC@c', 0, 100.2)] },
    ];
    const [d] = decisionsOver(crossExchangeArbitrage, PARAMS, slices, specs);
    expect(actions(d!)).toEqual({ 'BTC@a': ['buy', 0.625], 'BTC@b': ['sell', 0.625], 'BTC@c': ['hold', 0] });
  });

  it('abstains without a second venue, and says nothing for an open pair missing a leg', () => {
    const out = run([
      [100, undefined],
      [100, 100.5],
      [100, undefined],
    ]);
    expect(out[0]).toEqual({ signals: [], abstain: 'no symbol quoted on two venues in this slice' });
    expect(out[2]).toEqual({ signals: [], abstain: 'BTC: a leg of the open pair has no bar this step' });
    const single = decisionsOver(
      crossExchangeArbitrage,
      PARAMS,
      [{ time: 0, bars: [flatBar('ETH@a', 0, 10)] }],
      SPECS,
    );
    expect(single[0]!.abstain).toBe('no symbol quoted on two venues in this slice');
    const unknown = decisionsOver(
      crossExchangeArbitrage,
      PARAMS,
      [{ time: 0, bars: [flatBar('X', 0, 10)] }],
      SPECS,
    );
    expect(unknown[0]!.abstain).toBe('no symbol quoted on two venues in this slice');
  });

  it('closes an open pair once a leg has had no bar for staleLegSteps steps in a row (a venue whose feed ended)', () => {
    const out = run([
      [100, 100.5],
      [100, undefined],
      [100, undefined],
      [100, undefined],
      [100, undefined],
    ]);
    expect(actions(out[0]!)).toEqual({ 'BTC@a': ['buy', 0.625], 'BTC@b': ['sell', 0.625] });
    // Two steps say nothing (a stale price is not traded); the third in a row gives the pair up: the
    // venue with bars holds, so its leg is not left open for ever. Before, every later step said nothing.
    expect(out[1]!.abstain).toBe('BTC: a leg of the open pair has no bar this step');
    expect(out[2]!.abstain).toBe('BTC: a leg of the open pair has no bar this step');
    expect(out[3]).toEqual({
      signals: [
        {
          instrument: 'BTC@a',
          action: 'hold',
          confidence: 0,
          reason: 'BTC: no bar from b for 3 steps in a row, pair closed',
        },
      ],
      abstain: null,
    });
    // Flat now, with one venue: nothing to compare.
    expect(out[4]!.abstain).toBe('no symbol quoted on two venues in this slice');
  });

  it('counts only missing steps in a row: a leg back in time keeps the pair', () => {
    const out = run([
      [100, 100.5],
      [100, undefined],
      [100, undefined],
      [100, 100.3],
      [100, undefined],
      [100, undefined],
    ]);
    expect(actions(out[3]!)).toEqual({ 'BTC@a': ['buy', 0.625], 'BTC@b': ['sell', 0.625] });
    expect(out[5]!.abstain).toBe('BTC: a leg of the open pair has no bar this step');
  });

  it('never trades a spread at or below the entry threshold (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1e5, noNaN: true }),
        fc.double({ min: 0, max: 0.0039, noNaN: true }),
        (a, s) => {
          const [d] = run([[a, a * (1 + s)]]);
          return d!.signals.every((signal) => signal.action === 'hold');
        },
      ),
    );
  });

  it('rejects bad parameters with a message for the trader', () => {
    const bad = CrossExchangeArbitrageParamsSchema.safeParse({ ...PARAMS, slippagePerLeg: 1 });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]).toMatchObject({
      path: ['slippagePerLeg'],
      message: 'expected a number ≥ 0 and below 1',
    });
    const extra = CrossExchangeArbitrageParamsSchema.safeParse({ ...PARAMS, fee: 0.1 });
    expect(extra.success).toBe(false);
  });

  it('does not look ahead', () => {
    const slices: MarketSlice[] = [];
    for (let t = 0; t < 60; t++) {
      const spread = [0, 0.002, 0.006, 0.003, 0.0002, -0.007, -0.001][t % 7]!;
      slices.push({
        time: t,
        bars: [flatBar('BTC@a', t, 100 + t), flatBar('BTC@b', t, (100 + t) * (1 + spread))],
      });
    }
    const trades = tradesByInstrument(decisionsOver(crossExchangeArbitrage, PARAMS, slices, SPECS));
    expect(trades.get('BTC@a')).toBeGreaterThan(0);
    assertNoLookAhead(crossExchangeArbitrage, PARAMS, slices, scaleFirstBar, SPECS);
  });

  it('on the synthetic market trades both legs of the crypto pairs together and nothing else', () => {
    // Dislocations made frequent (1 % of bars) so a short run holds several.
    const market = createSyntheticMarket({
      seed: 11,
      maxBars: 3000,
      crypto: { basis: { spikeProbabilityPerBar: 0.01 } },
    });
    const slices = slicesOf(market);
    const decisions = decisionsOver(crossExchangeArbitrage, PARAMS, slices, market.instruments);
    const trades = tradesByInstrument(decisions);
    expect([...trades.keys()].sort()).toEqual([
      'BTC-USD@alpha',
      'BTC-USD@beta',
      'ETH-USD@alpha',
      'ETH-USD@beta',
    ]);
    for (const d of decisions) {
      for (const symbol of ['BTC-USD', 'ETH-USD']) {
        const legs = d.signals.filter((s) => s.instrument.startsWith(symbol) && s.action !== 'hold');
        if (legs.length > 0) expect(legs.map((s) => s.action).sort()).toEqual(['buy', 'sell']);
      }
      for (const s of d.signals) expect(s.instrument).toContain('@');
    }
  });
});
