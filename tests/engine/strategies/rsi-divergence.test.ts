import { describe, expect, it } from 'vitest';
import { rsiDivergence } from '../../../src-main/engine/strategies/rsi-divergence';
import { BASE_B_PARAM_DEFAULTS } from '../../../src-shared/settings/sections/strategy-params/base-b';
import { assertNoLookAhead, scalePrices } from '../../helpers/no-look-ahead';
import { actions, flatSlices, run, signalFor, spec, syntheticMarket, tally } from './base-b-fixtures';

// RSI(2) and one-bar swings so every value can be checked by hand. Warm-up: max(2 + 1, 1 + 1 + 1) = 3.
const params = {
  ...BASE_B_PARAM_DEFAULTS['rsi-divergence'],
  rsiPeriod: 2,
  swingLeft: 1,
  swingRight: 1,
  holdBars: 3,
};
const X = [spec('X', 'crypto')];

// Wilder RSI(2) on flat bars (changes +1, +1 seed avgGain 1, avgLoss 0; then avg = (avg + today)/2):
//  t  close  change  avgGain  avgLoss  RSI
//  2  12     +1      1        0        100
//  3  6      −6      0.5      3        14.2857   swing low (12 > 6 < 9), confirmed at t = 4
//  4  9      +3      1.75     1.5      53.85
//  5  8      −1      0.875    1.25     41.18
//  6  5.9    −2.1    0.4375   1.675    20.7101   swing low 5.9 < 6 (8 > 5.9 < 7), confirmed at t = 7
//  7  7                                          bullish divergence: lower low, RSI 20.71 > 14.29 + 2
// confidence = ½·min(1, (20.7101 − 14.2857)/10) + ½·min(1, (50 − 14.2857)/(50 − 30)) = 0.3212 + 0.5 = 0.8212
const bullish = [10, 11, 12, 6, 9, 8, 5.9, 7];
const RSI_AT_FIRST_LOW = 100 * (0.5 / 3.5);
const RSI_AT_SECOND_LOW = 100 * (0.4375 / (0.4375 + 1.675));
const CONFIDENCE = 0.5 * ((RSI_AT_SECOND_LOW - RSI_AT_FIRST_LOW) / 10) + 0.5;

describe('rsi-divergence', () => {
  it('buys on the bar that confirms a lower swing low with a higher RSI', () => {
    const out = run(rsiDivergence, params, flatSlices('X', bullish), X);
    expect(out[1]).toEqual({ signals: [], abstain: 'warming up: X 2/3 bars' });
    expect(actions(out, 'X')).toEqual(['-', '-', 'hold', 'hold', 'hold', 'hold', 'hold', 'buy']);
    const buy = signalFor(out[7], 'X');
    expect(CONFIDENCE).toBeCloseTo(0.82122, 5);
    expect(buy.confidence).toBeCloseTo(CONFIDENCE, 12);
    expect(buy.reason).toBe('bullish RSI divergence: swing low 5.90 < 6.00 while RSI 20.7 > 14.3');
  });

  it('sells the mirror image: a higher swing high with a lower RSI', () => {
    // 20 − close mirrors every change, so RSI becomes 100 − RSI and lows become highs.
    const out = run(
      rsiDivergence,
      params,
      flatSlices(
        'X',
        bullish.map((c) => 20 - c),
      ),
      X,
    );
    const sell = signalFor(out[7], 'X');
    expect(sell.action).toBe('sell');
    expect(sell.confidence).toBeCloseTo(CONFIDENCE, 12);
    expect(sell.reason).toBe('bearish RSI divergence: swing high 14.10 > 14.00 while RSI 79.3 < 85.7');
  });

  it('keeps the long for holdBars bars, or until a close breaks the divergence low', () => {
    const held = run(rsiDivergence, params, flatSlices('X', [...bullish, 7.5, 8, 8.5]), X);
    expect(actions(held, 'X').slice(7)).toEqual(['buy', 'buy', 'buy', 'hold']);
    expect(signalFor(held[10], 'X').reason).toBe('divergence position held 3 bars');
    const stopped = run(rsiDivergence, params, flatSlices('X', [...bullish, 5.8]), X);
    expect(signalFor(stopped[8], 'X')).toMatchObject({
      action: 'hold',
      reason: 'close 5.80 broke below the divergence low 5.90',
    });
  });

  it('does not trade a lower low whose RSI is lower too, nor swings further apart than maxPivotGap', () => {
    // t = 3: 9 (RSI 25), t = 6: 8.5 after 11, 10: RSI 20.8 < 25: price and RSI agree.
    const agree = run(rsiDivergence, params, flatSlices('X', [10, 11, 12, 9, 11, 10, 8.5, 10]), X);
    expect(actions(agree, 'X')).not.toContain('buy');
    // The divergent lows of `bullish` are 3 bars apart.
    const far = run(rsiDivergence, { ...params, maxPivotGap: 2 }, flatSlices('X', bullish), X);
    expect(actions(far, 'X')).not.toContain('buy');
    // A gap of 6.4 RSI points is not above minRsiGap = 7.
    const small = run(rsiDivergence, { ...params, minRsiGap: 7 }, flatSlices('X', bullish), X);
    expect(actions(small, 'X')).not.toContain('buy');
  });

  it('never looks ahead', () => {
    const slices = flatSlices('X', [...bullish, 7.5, 8, 8.5, ...bullish.map((c) => 20 - c)]);
    const counts = tally(run(rsiDivergence, params, slices, X)).get('X')!;
    expect(counts.buy).toBeGreaterThan(0);
    expect(counts.sell).toBeGreaterThan(0);
    assertNoLookAhead(rsiDivergence, params, slices, scalePrices, X);
  });

  it('trades the synthetic market with its defaults: buys and sells its asset classes, nothing else', () => {
    const { slices, instruments } = syntheticMarket(11, 1500);
    const counts = tally(run(rsiDivergence, BASE_B_PARAM_DEFAULTS['rsi-divergence'], slices, instruments));
    for (const id of ['BTC-USD@alpha', 'ETH-USD@alpha', 'SYN500', 'ENERGY']) {
      expect(counts.get(id)!.buy, id).toBeGreaterThan(0);
      expect(counts.get(id)!.sell, id).toBeGreaterThan(0);
    }
    expect(counts.has('SVIX')).toBe(false);
    expect([...counts.keys()].some((id) => id.startsWith('SPT-'))).toBe(false);
  });
});
