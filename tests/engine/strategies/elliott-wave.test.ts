import { describe, expect, it } from 'vitest';
import { elliottWave } from '../../../src-main/engine/strategies/elliott-wave';
import { BASE_B_PARAM_DEFAULTS } from '../../../src-shared/settings/sections/strategy-params/base-b';
import { assertNoLookAhead, scalePrices } from '../../helpers/no-look-ahead';
import { actions, flatSlices, run, signalFor, spec, syntheticMarket, tally } from './base-b-fixtures';

// One-bar swings on flat bars: a close below (above) both neighbours is a swing low (high), confirmed on
// the next bar. Warm-up = 1 + 1 + 1 = 3 bars.
const params = { ...BASE_B_PARAM_DEFAULTS['elliott-wave'], swingLeft: 1, swingRight: 1 };
const X = [spec('X', 'crypto')];

// An upward impulse P0…P5 = 10 (t 1), 14 (t 3), 12 (t 5), 20 (t 8), 16 (t 10), 21 (t 12):
// waves 4, 2, 8, 4, 5. Rule 1: 12 > 10; rule 2: 8 > min(4, 5); rule 3: 16 > 14; wave 5 ends above 20.
//  t 6  (P2 confirmed) L10 H14 L12: wave 2 retraced 2/4 = 50 % ≥ 38.2 % → buy wave 3, confidence 0.5
//  t 9  (P3 confirmed) wave 3 ended → hold
//  t 11 (P4 confirmed) L12 H20 L16: retraced 4/8 = 50 % → buy, confidence 0.5
//  t 13 (P5 confirmed) wave 3 of that count ended; the six pivots form the impulse → sell the correction,
//       confidence = (1 − 2/4 + min(1, (16 − 14)/4) + min(1, 8/max(4, 5)))/3 = (0.5 + 0.5 + 1)/3 = 2/3
//  t 15 close 15.5 ≤ 16 (the end of wave 4): target reached → hold
const impulse = [11, 10, 12, 14, 13, 12, 14, 17, 20, 18, 16, 18, 21, 20, 19, 15.5];
const EXPECTED = [
  '-',
  '-',
  'hold',
  'hold',
  'hold',
  'hold',
  'buy',
  'buy',
  'buy',
  'hold',
  'hold',
  'buy',
  'buy',
  'sell',
  'sell',
  'hold',
];

describe('elliott-wave', () => {
  it('trades wave 3 after a valid wave 2, then the correction after a five-wave impulse', () => {
    const out = run(elliottWave, params, flatSlices('X', impulse), X);
    expect(out[1]).toEqual({ signals: [], abstain: 'warming up: X 2/3 bars' });
    expect(actions(out, 'X')).toEqual(EXPECTED);
    expect(signalFor(out[6], 'X')).toMatchObject({
      confidence: 0.5,
      reason: 'wave 2 14.00 → 12.00 retraced 50.0 % of wave 1 from 10.00: wave 3 up',
    });
    expect(signalFor(out[9], 'X').reason).toBe('wave 3 ended at 20.00');
    const sell = signalFor(out[13], 'X');
    expect(sell.confidence).toBeCloseTo(2 / 3, 12);
    expect(sell.reason).toBe(
      "upward five-wave impulse 10.00 → 21.00 (waves 1/3/5: 4.00/8.00/5.00): correction toward wave 4's end 16.00",
    );
    expect(signalFor(out[15], 'X').reason).toBe('correction target 16.00 reached');
  });

  it('buys the correction after a downward impulse (the mirror image)', () => {
    const out = run(
      elliottWave,
      params,
      flatSlices(
        'X',
        impulse.map((c) => 40 - c),
      ),
      X,
    );
    const mirrored = EXPECTED.map((a) => (a === 'buy' ? 'sell' : a === 'sell' ? 'buy' : a));
    expect(actions(out, 'X')).toEqual(mirrored);
    expect(signalFor(out[13], 'X').confidence).toBeCloseTo(2 / 3, 12);
  });

  it('trades only the kind of setup it is set to', () => {
    const correction = run(elliottWave, { ...params, trade: 'correction' }, flatSlices('X', impulse), X);
    expect(actions(correction, 'X').filter((a) => a === 'buy')).toEqual([]);
    expect(actions(correction, 'X')[13]).toBe('sell');
    const continuation = run(elliottWave, { ...params, trade: 'continuation' }, flatSlices('X', impulse), X);
    expect(actions(continuation, 'X')[13]).toBe('hold');
    expect(actions(continuation, 'X')[6]).toBe('buy');
  });

  it('counts no impulse when a hard rule or the fifth wave fails', () => {
    const at13 = (closes: number[]) =>
      signalFor(run(elliottWave, params, flatSlices('X', closes), X)[13], 'X');
    // Rule 3: wave 4 ends at 13.5, inside wave 1 (10 → 14).
    expect(at13([11, 10, 12, 14, 13, 12, 14, 17, 20, 18, 13.5, 18, 21, 20])).toMatchObject({
      action: 'hold',
      reason: 'wave 3 ended at 21.00',
    });
    // Rule 1: wave 2 ends at 9.8, below wave 1's start (10).
    expect(at13([11, 10, 12, 14, 13, 9.8, 14, 17, 20, 18, 16, 18, 21, 20]).action).toBe('hold');
    // Wave 5 ends at 19.5, short of wave 3's end (20): no impulse. The lower high makes 20 → 16 → 19.5 a
    // downward wave 1 and wave 2 instead (retracing 3.5/4 = 87.5 %).
    expect(at13([11, 10, 12, 14, 13, 12, 14, 17, 20, 18, 16, 18, 19.5, 19])).toMatchObject({
      action: 'sell',
      reason: 'wave 2 16.00 → 19.50 retraced 87.5 % of wave 1 from 20.00: wave 3 down',
    });
    // Rule 2: waves 4 (10 → 14), 3 (12 → 15), 5.5 (14.5 → 20): wave 3 is the shortest. Confirmed at t = 12.
    const shortThird = run(
      elliottWave,
      params,
      flatSlices('X', [11, 10, 12, 14, 13, 12, 13.5, 15, 14.8, 14.5, 16, 20, 19]),
      X,
    );
    expect(actions(shortThird, 'X')[12]).toBe('hold');
    // Wave 2 retracing 6.25 % of wave 1 (< 38.2 %) is no wave 2.
    expect(actions(run(elliottWave, params, flatSlices('X', [11, 10, 12, 14, 13.75, 16]), X), 'X')[5]).toBe(
      'hold',
    );
  });

  it('ends a trade on its invalidation level and after maxHoldBars', () => {
    // An outside bar (high 14.5, low 9.8) closing at 9.9, below wave 1's start: no pivot is confirmed on it.
    const slices = flatSlices('X', [11, 10, 12, 14, 13, 12, 14]);
    slices.push({
      time: 7,
      bars: [{ instrument: 'X', time: 7, open: 14, high: 14.5, low: 9.8, close: 9.9, volume: 1 }],
    });
    const broken = run(elliottWave, params, slices, X);
    expect(signalFor(broken[6], 'X').action).toBe('buy');
    expect(signalFor(broken[7], 'X')).toMatchObject({
      action: 'hold',
      reason: 'count invalidated: close 9.90 beyond 10.00',
    });
    const extended = run(elliottWave, params, flatSlices('X', [...impulse.slice(0, 14), 21.5]), X);
    expect(signalFor(extended[14], 'X')).toMatchObject({
      action: 'hold',
      reason: 'count invalidated: close 21.50 beyond 21.00',
    });
    const timed = run(elliottWave, { ...params, maxHoldBars: 2 }, flatSlices('X', impulse), X);
    expect(actions(timed, 'X').slice(6, 9)).toEqual(['buy', 'buy', 'hold']);
    expect(signalFor(timed[8], 'X').reason).toBe('wave trade held 2 bars');
  });

  it('never looks ahead', () => {
    const slices = flatSlices('X', [...impulse, ...impulse.map((c) => 40 - c)]);
    const counts = tally(run(elliottWave, params, slices, X)).get('X')!;
    expect(counts.buy).toBeGreaterThan(0);
    expect(counts.sell).toBeGreaterThan(0);
    assertNoLookAhead(elliottWave, params, slices, scalePrices, X);
  });

  it('trades the synthetic market with its defaults: buys and sells its asset classes, nothing else', () => {
    const { slices, instruments } = syntheticMarket(11, 1500);
    const counts = tally(run(elliottWave, BASE_B_PARAM_DEFAULTS['elliott-wave'], slices, instruments));
    for (const id of ['BTC-USD@alpha', 'ETH-USD@alpha', 'SYN500', 'TECH']) {
      expect(counts.get(id)!.buy, id).toBeGreaterThan(0);
      expect(counts.get(id)!.sell, id).toBeGreaterThan(0);
    }
    expect(counts.has('SVIX')).toBe(false);
    expect([...counts.keys()].some((id) => id.startsWith('CRY-'))).toBe(false);
  });
});
