import { describe, expect, it } from 'vitest';
import { vixHedge } from '../../../src-main/engine/strategies/vix-hedge';
import { BASE_B_PARAM_DEFAULTS } from '../../../src-shared/settings/sections/strategy-params/base-b';
import { assertNoLookAhead, scalePrices } from '../../helpers/no-look-ahead';
import { actions, parallelSlices, run, signalFor, spec, syntheticMarket, tally } from './base-b-fixtures';

// z-scores over 3 values so each can be checked by hand (population σ). Warm-up: 3 log changes = 4 levels.
const params = {
  ...BASE_B_PARAM_DEFAULTS['vix-hedge'],
  zWindow: 3,
  spikeZ: 1,
  changeSpikeZ: 2,
  spikeLevel: 0,
  calmZ: 0.5,
};
const MARKET = [spec('SVIX', 'volatility-index'), spec('SYN500', 'equity-index'), spec('TECH', 'sector')];
const index = Array<number>(7).fill(5000);

//  t  level  level window   level z                       change window (log)   change z
//  3  20     20 20 20       0 (σ = 0)                     0 0 0                 0
//  4  30     20 20 30       (30 − 23.33)/4.714 = √2       0 0 ln 1.5            √2
//  5  30     20 30 30       (30 − 26.67)/4.714 = 1/√2     0 ln 1.5 0            −1/√2
//  6  30     30 30 30       0                             ln 1.5 0 0            −1/√2
// With spikeZ 1, t = 4 spikes: severity max(√2/1, √2/2) = √2, confidence √2/2. t = 5: 0.707 ≥ calmZ 0.5,
// the hedge stays; t = 6: 0 < 0.5 → hedge closed.
const spike = [20, 20, 20, 20, 30, 30, 30];

describe('vix-hedge', () => {
  it('hedges on a spike of the level z-score (sell the index, buy the volatility index) and closes when it calms', () => {
    const out = run(vixHedge, params, parallelSlices({ SVIX: spike, SYN500: index, TECH: index }), MARKET);
    expect(out[0]).toEqual({ signals: [], abstain: 'warming up: SVIX 1/4 bars' });
    expect(out[2]).toEqual({ signals: [], abstain: 'warming up: SVIX 3/4 bars' });
    expect(out[3]!.signals).toEqual([
      { instrument: 'SYN500', action: 'hold', confidence: 0, reason: 'no volatility spike' },
      { instrument: 'SVIX', action: 'hold', confidence: 0, reason: 'no volatility spike' },
    ]);
    expect(actions(out, 'SYN500')).toEqual(['-', '-', '-', 'hold', 'sell', 'sell', 'hold']);
    expect(actions(out, 'SVIX')).toEqual(['-', '-', '-', 'hold', 'buy', 'buy', 'hold']);
    expect(actions(out, 'TECH').every((a) => a === '-')).toBe(true);
    const hedge = signalFor(out[4], 'SYN500');
    expect(hedge.confidence).toBeCloseTo(Math.SQRT1_2, 12);
    expect(hedge.reason).toBe('SVIX spike: level 30.00 (z 1.41), change z 1.41: hedge');
    expect(signalFor(out[5], 'SVIX')).toEqual({ ...hedge, instrument: 'SVIX', action: 'buy' });
    expect(signalFor(out[6], 'SYN500').reason).toBe('SVIX normalised: level z 0.00 < 0.5: hedge closed');
  });

  it('also spikes on the change z-score, or on a level', () => {
    const slices = parallelSlices({ SVIX: spike, SYN500: index });
    // change z √2 against changeSpikeZ 1.2: severity 1.1785, confidence 0.5893.
    const byChange = run(vixHedge, { ...params, spikeZ: 10, changeSpikeZ: 1.2 }, slices, MARKET);
    expect(signalFor(byChange[4], 'SYN500').confidence).toBeCloseTo(Math.SQRT2 / 1.2 / 2, 12);
    // Level 30 ≥ 25: severity 30/25 = 1.2, confidence 0.6; the hedge holds while the level stays ≥ 25, and
    // ends at 24 (window 30 30 24: z = −√2 < 0.5).
    const levelSlices = parallelSlices({ SVIX: [20, 20, 20, 20, 30, 30, 24], SYN500: index });
    const byLevel = run(
      vixHedge,
      { ...params, spikeZ: 10, changeSpikeZ: 10, spikeLevel: 25 },
      levelSlices,
      MARKET,
    );
    expect(actions(byLevel, 'SYN500')).toEqual(['-', '-', '-', 'hold', 'sell', 'sell', 'hold']);
    expect(signalFor(byLevel[4], 'SVIX')).toMatchObject({
      confidence: 0.6,
      reason: 'SVIX spike: level 30.00 (z 1.41), change z 1.41 ≥ level 25: hedge',
    });
  });

  it('raises the confidence when the spike grows and keeps one leg when asked', () => {
    // Level trigger 25 only (z thresholds out of reach): 30 → severity 1.2 (0.6); 40 → 1.6 (0.8); 35 → 1.4,
    // below the peak: 0.8 stays.
    const growing = parallelSlices({ SVIX: [20, 20, 20, 20, 30, 40, 35], SYN500: index });
    const out = run(vixHedge, { ...params, spikeZ: 10, changeSpikeZ: 10, spikeLevel: 25 }, growing, MARKET);
    expect(out.slice(4).map((d) => signalFor(d, 'SYN500').confidence)).toEqual([0.6, 0.8, 0.8]);
    const shortOnly = run(
      vixHedge,
      { ...params, hedgeWith: 'short-index' },
      parallelSlices({ SVIX: spike, SYN500: index }),
      MARKET,
    );
    expect(shortOnly[4]!.signals.map((s) => `${s.instrument} ${s.action}`)).toEqual(['SYN500 sell']);
    // Long volatility needs no equity index.
    const longOnly = run(
      vixHedge,
      { ...params, hedgeWith: 'long-volatility' },
      parallelSlices({ SVIX: spike }),
      [MARKET[0]!],
    );
    expect(longOnly[4]!.signals.map((s) => `${s.instrument} ${s.action}`)).toEqual(['SVIX buy']);
  });

  it('abstains, saying why, when an instrument, a bar or a valid level is missing', () => {
    const slices = parallelSlices({ SVIX: spike, SYN500: index });
    expect(run(vixHedge, params, slices, [MARKET[1]!])[4]!.abstain).toBe(
      'no volatility index SVIX (asset class volatility-index) in the market',
    );
    // The symbol must also have the right asset class.
    expect(run(vixHedge, params, slices, [spec('SVIX', 'equity'), MARKET[1]!])[4]!.abstain).toBe(
      'no volatility index SVIX (asset class volatility-index) in the market',
    );
    expect(run(vixHedge, params, slices, [MARKET[0]!])[4]!.abstain).toBe(
      'no equity index SYN500 (asset class equity-index) in the market',
    );
    expect(run(vixHedge, params, parallelSlices({ SYN500: index }), MARKET)[0]!.abstain).toBe(
      'no SVIX bar in this step',
    );
    expect(run(vixHedge, params, parallelSlices({ SVIX: [0], SYN500: index }), MARKET)[0]!.abstain).toBe(
      'SVIX level must be positive, got 0',
    );
  });

  it('finds its instruments by the configured symbols, on any instrument id', () => {
    const instruments = [spec('VOL@x', 'volatility-index', 'VOL'), spec('IDX@x', 'equity-index', 'IDX')];
    const slices = parallelSlices({ 'VOL@x': spike, 'IDX@x': index });
    const out = run(
      vixHedge,
      { ...params, volatilitySymbol: 'VOL', indexSymbol: 'IDX' },
      slices,
      instruments,
    );
    expect(actions(out, 'IDX@x')[4]).toBe('sell');
    expect(actions(out, 'VOL@x')[4]).toBe('buy');
  });

  it('never looks ahead', () => {
    const levels = [...spike, 20, 20, 20, 35, 36, 20, 20, 20, 20];
    const slices = parallelSlices({ SVIX: levels, SYN500: Array<number>(levels.length).fill(5000) });
    expect(tally(run(vixHedge, params, slices, MARKET)).get('SYN500')!.sell).toBeGreaterThan(0);
    assertNoLookAhead(vixHedge, params, slices, scalePrices, MARKET);
  });

  it('hedges the synthetic market with its defaults: sells SYN500 and buys SVIX, nothing else', () => {
    const { slices, instruments } = syntheticMarket(11, 1500);
    const counts = tally(run(vixHedge, BASE_B_PARAM_DEFAULTS['vix-hedge'], slices, instruments));
    expect([...counts.keys()].sort()).toEqual(['SVIX', 'SYN500']);
    expect(counts.get('SYN500')).toMatchObject({ buy: 0 });
    expect(counts.get('SYN500')!.sell).toBeGreaterThan(0);
    expect(counts.get('SVIX')).toMatchObject({ sell: 0 });
    expect(counts.get('SVIX')!.buy).toBe(counts.get('SYN500')!.sell);
  });
});
