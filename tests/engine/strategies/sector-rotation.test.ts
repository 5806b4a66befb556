import { describe, expect, it } from 'vitest';
import { sectorRotation } from '../../../src-main/engine/strategies/sector-rotation';
import { BASE_B_PARAM_DEFAULTS } from '../../../src-shared/settings/sections/strategy-params/base-b';
import { assertNoLookAhead, scalePrices } from '../../helpers/no-look-ahead';
import { actions, parallelSlices, run, signalFor, spec, syntheticMarket, tally } from './base-b-fixtures';

const params = { ...BASE_B_PARAM_DEFAULTS['sector-rotation'], lookback: 2, rebalanceBars: 2, k: 1 };
const SECTORS = ['A', 'B', 'C', 'D'].map((id) => spec(id, 'sector'));
const MARKET = [...SECTORS, spec('SYN500', 'equity-index')];

// Momentum over 2 bars; rebalanced at t = 2 (the first step with 3 closes) and t = 4.
//  t = 2: A +10 %, B +5 %, C 0, D −10 %. Mean 1.25 %; deviations 8.75, 3.75, −1.25, −11.25 (%);
//         σ = √((8.75² + 3.75² + 1.25² + 11.25²)/4) % = √(218.75/4) % = 7.3951 %.
//         z(A) = 8.75/7.3951 = 1.18322 → buy, confidence 1.18322/1.5 = 0.78881;
//         z(D) = −11.25/7.3951 = −1.52128 → sell, confidence min(1, 1.52128/1.5) = 1. B and C hold.
//  t = 3: no rebalance, the allocation stands although the prices moved.
//  t = 4: A 100/110 − 1 = −9.09 %, B 0, C +10 %, D 100/90 − 1 = +11.11 %: D buy, A sell.
const closes = {
  A: [100, 100, 110, 110, 100],
  B: [100, 100, 105, 105, 105],
  C: [100, 100, 100, 100, 110],
  D: [100, 100, 90, 90, 100],
  SYN500: [5000, 5000, 5000, 5000, 5000],
};
const SIGMA = Math.sqrt((8.75 ** 2 + 3.75 ** 2 + 1.25 ** 2 + 11.25 ** 2) / 4);

describe('sector-rotation', () => {
  it('buys the top k and sells the bottom k at each rebalance, holding the allocation in between', () => {
    const out = run(sectorRotation, params, parallelSlices(closes), MARKET);
    expect(out[0]).toEqual({ signals: [], abstain: 'warming up: 0/2 sectors ready (A 1/3 bars)' });
    expect(out[2]!.signals.map((s) => `${s.instrument} ${s.action}`)).toEqual([
      'A buy',
      'B hold',
      'C hold',
      'D sell',
    ]);
    const top = signalFor(out[2], 'A');
    expect(top.confidence).toBeCloseTo(8.75 / SIGMA / 1.5, 12);
    expect(top.confidence).toBeCloseTo(0.78881, 5);
    expect(top.reason).toBe('momentum 10.00 % over 2 bars, rank 1/4, z 1.18: top 1');
    expect(signalFor(out[2], 'D')).toMatchObject({
      confidence: 1,
      reason: 'momentum -10.00 % over 2 bars, rank 4/4, z -1.52: bottom 1',
    });
    expect(signalFor(out[2], 'B')).toMatchObject({
      confidence: 0,
      reason: 'momentum 5.00 % over 2 bars, rank 2/4, z 0.51',
    });
    expect(out[3]).toEqual(out[2]);
    expect(actions(out, 'D')).toEqual(['-', '-', 'sell', 'sell', 'buy']);
    expect(actions(out, 'A')).toEqual(['-', '-', 'buy', 'buy', 'sell']);
    expect(actions(out, 'SYN500').every((a) => a === '-')).toBe(true);
  });

  it('holds the bottom k flat when bottomAction is hold', () => {
    const out = run(sectorRotation, { ...params, bottomAction: 'hold' }, parallelSlices(closes), MARKET);
    expect(signalFor(out[2], 'D')).toMatchObject({
      action: 'hold',
      confidence: 0,
      reason: 'momentum -10.00 % over 2 bars, rank 4/4, z -1.52: bottom 1, held flat',
    });
    expect(signalFor(out[2], 'A').action).toBe('buy');
  });

  it('holds every sector when momentum has no dispersion, and a top sector that is not above the mean', () => {
    const flat = { A: [100, 100, 100], B: [50, 50, 50], C: [10, 10, 10], D: [70, 70, 70] };
    const still = run(sectorRotation, params, parallelSlices(flat), SECTORS);
    expect(
      still[2]!.signals.every(
        (s) => s.action === 'hold' && s.reason.endsWith('no dispersion between sectors'),
      ),
    ).toBe(true);
    // k = 2: A +30 %, the rest 0: mean 7.5 %, B (second) has z < 0.
    const lopsided = { A: [100, 100, 130], B: [100, 100, 100], C: [100, 100, 100], D: [100, 100, 100] };
    const out = run(sectorRotation, { ...params, k: 2 }, parallelSlices(lopsided), SECTORS);
    expect(signalFor(out[2], 'B')).toMatchObject({
      action: 'hold',
      reason: 'momentum 0.00 % over 2 bars, rank 2/4, z -0.58: top 2 but not above the mean',
    });
    expect(signalFor(out[2], 'A').action).toBe('buy');
  });

  it('leaves a sector whose bars stopped out of the ranking: it holds instead of trading its last momentum', () => {
    // E has bars up to t = 2 only (+20 %: top at the rebalance of t = 2). At the rebalance of t = 4 it has
    // had no bar in the last 2 counted steps: A–D are ranked as in the first test and E holds. Before,
    // E stayed ranked with its frozen +20 % and was bought at every rebalance.
    const withE = { ...closes, E: [100, 100, 120] };
    const out = run(sectorRotation, params, parallelSlices(withE), [...MARKET, spec('E', 'sector')]);
    expect(signalFor(out[2], 'E').action).toBe('buy');
    expect(out[4]!.signals.map((s) => `${s.instrument} ${s.action}`)).toEqual([
      'D buy',
      'C hold',
      'B hold',
      'A sell',
      'E hold',
    ]);
    expect(signalFor(out[4], 'E').reason).toBe('no bar in the last 2 sector steps: not ranked');
    // Too few sectors with recent bars to rank the top and bottom k: it abstains, naming a stale one.
    const dStops = { ...closes, D: [100, 100, 90] };
    const few = run(sectorRotation, { ...params, k: 2 }, parallelSlices(dStops), MARKET);
    expect(few[2]!.signals).toHaveLength(4);
    expect(few[4]).toEqual({
      signals: [],
      abstain: '3 sectors with recent bars, needs 4 (D: no bar in the last 2 sector steps: not ranked)',
    });
  });

  it('abstains without sectors, or with fewer than 2k', () => {
    const noSectors = run(sectorRotation, params, parallelSlices({ SYN500: [1, 2, 3] }), [MARKET[4]!]);
    expect(noSectors[2]!.abstain).toBe('no instruments of asset class sector');
    const tooFew = run(sectorRotation, { ...params, k: 3 }, parallelSlices(closes), MARKET);
    expect(tooFew[4]!.abstain).toBe('ranks the top and bottom 3 sectors: needs at least 6, found 4');
  });

  it('never looks ahead', () => {
    const long = Object.fromEntries(
      Object.entries(closes).map(([id, c]) => [id, [...c, ...[...c].reverse(), ...c]]),
    );
    const slices = parallelSlices(long);
    expect(tally(run(sectorRotation, params, slices, MARKET)).get('D')!.buy).toBeGreaterThan(0);
    assertNoLookAhead(sectorRotation, params, slices, scalePrices, MARKET);
  });

  it('rotates the synthetic sectors with its defaults: buys and sells sectors, nothing else', () => {
    const { slices, instruments } = syntheticMarket(11, 1500);
    const counts = tally(run(sectorRotation, BASE_B_PARAM_DEFAULTS['sector-rotation'], slices, instruments));
    expect([...counts.keys()].sort()).toEqual(['ENERGY', 'FIN', 'HEALTH', 'TECH', 'UTIL']);
    const total = [...counts.values()].reduce(
      (sum, c) => ({ buy: sum.buy + c.buy, sell: sum.sell + c.sell }),
      { buy: 0, sell: 0 },
    );
    expect(total.buy).toBeGreaterThan(0);
    expect(total.sell).toBeGreaterThan(0);
  });
});
