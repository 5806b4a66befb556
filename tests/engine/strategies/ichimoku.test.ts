import { describe, expect, it } from 'vitest';
import { ichimoku } from '../../../src-main/engine/strategies/ichimoku';
import { BASE_B_PARAM_DEFAULTS } from '../../../src-shared/settings/sections/strategy-params/base-b';
import { assertNoLookAhead, scalePrices } from '../../helpers/no-look-ahead';
import { actions, flatSlices, run, signalFor, spec, syntheticMarket, tally } from './base-b-fixtures';

// Short lines so every value can be checked by hand. On flat bars mid(n) = (max + min)/2 of the last n
// closes; tenkan = mid(2), kijun = mid(3), span A = (tenkan + kijun)/2, span B = mid(5); the cloud under
// bar t is the spans of bar t − 2; the chikou compares the close with the close 2 bars back.
// Warm-up = 5 + 2 = 7 bars.
const params = {
  ...BASE_B_PARAM_DEFAULTS.ichimoku,
  tenkanPeriod: 2,
  kijunPeriod: 3,
  senkouBPeriod: 5,
  displacement: 2,
};
const X = [spec('X', 'equity-index')];

// closes 12 10 10 10 9 9.5 10 11 (t = 0…7)
//  t = 6: tenkan mid(9.5, 10) = 9.75, kijun mid(9, 9.5, 10) = 9.5; cloud = spans of t = 4:
//         A = (mid(10, 9) + mid(10, 10, 9))/2 = 9.5, B = mid(12 10 10 10 9) = 10.5: close 10 inside → hold
//  t = 7: tenkan mid(10, 11) = 10.5 > kijun mid(9.5, 10, 11) = 10.25; cloud = spans of t = 5:
//         A = (mid(9, 9.5) + mid(10, 9, 9.5))/2 = 9.375, B = mid(10 10 10 9 9.5) = 9.5: top 9.5 < close 11;
//         chikou: 11 > close of t = 5 (9.5) → buy. Leading spans now: A = (10.5 + 10.25)/2 = 10.375 >
//         B = mid(10 9 9.5 10 11) = 10 (+0.2); tenkan 10.5 > top 9.5 (+0.2): confidence 0.6 + 0.4 = 1.
//  t = 8: close 9: tenkan mid(11, 9) = 10 = kijun mid(10, 11, 9) = 10; cloud = spans of t = 6:
//         A = (9.75 + 9.5)/2 = 9.625, B = mid(10 10 9 9.5 10) = 9.5: close 9 ≤ top 9.625 → hold.
const trend = [12, 10, 10, 10, 9, 9.5, 10, 11, 9];

describe('ichimoku', () => {
  it('buys above the cloud with tenkan over kijun and chikou confirming; holds when the close enters the cloud', () => {
    const out = run(ichimoku, params, flatSlices('X', trend), X);
    expect(out[5]).toEqual({ signals: [], abstain: 'warming up: X 6/7 bars' });
    expect(actions(out, 'X')).toEqual(['-', '-', '-', '-', '-', '-', 'hold', 'buy', 'hold']);
    expect(signalFor(out[7], 'X')).toMatchObject({
      action: 'buy',
      confidence: 1,
      reason: 'close 11.00 above the cloud (9.50), tenkan 10.50 > kijun 10.25, chikou above the close 9.50',
    });
    expect(signalFor(out[8], 'X').reason).toBe('close 9.00 fell into the cloud (top 9.63)');
  });

  it('gives 0.6 without the bonuses: the cloud ahead bearish and the tenkan not above the cloud', () => {
    // closes 10 10 10 13 9 9.5 10 12
    //  t = 7: tenkan mid(10, 12) = 11 > kijun mid(9.5, 10, 12) = 10.75; cloud = spans of t = 5:
    //         tenkan(5) = mid(9, 9.5) = 9.25, kijun(5) = mid(13, 9, 9.5) = 11 → A = 10.125,
    //         B = mid(10 10 13 9 9.5) = 11: top 11 < close 12; chikou 12 > 9.5 → buy.
    //         Leading A = (11 + 10.75)/2 = 10.875 < B = mid(13 9 9.5 10 12) = 11; tenkan 11 = top: 0.6.
    const out = run(ichimoku, params, flatSlices('X', [10, 10, 10, 13, 9, 9.5, 10, 12]), X);
    expect(signalFor(out[6], 'X').action).toBe('hold');
    expect(signalFor(out[7], 'X')).toMatchObject({ action: 'buy', confidence: 0.6 });
  });

  it('sells the mirror image below the cloud', () => {
    const out = run(
      ichimoku,
      params,
      flatSlices(
        'X',
        trend.map((c) => 20 - c),
      ),
      X,
    );
    expect(actions(out, 'X').slice(6)).toEqual(['hold', 'sell', 'hold']);
    expect(signalFor(out[7], 'X').confidence).toBe(1);
    expect(signalFor(out[8], 'X').reason).toBe('close 11.00 rose into the cloud (bottom 10.38)');
  });

  it('waits for the chikou: no buy while the close is below the close `displacement` bars back', () => {
    // displacement 3: warm-up 8. closes 10 10 10 10 10 12 9 10 11.5 12.5
    //  t = 8: tenkan mid(10, 11.5) = 10.75 > kijun mid(9, 10, 11.5) = 10.25; cloud = spans of t = 5: all 11:
    //         close 11.5 > 11; but the close 3 bars back (t = 5) is 12 > 11.5 → hold.
    //  t = 9: chikou reference 9 < 12.5, tenkan 12 > kijun 11.25, cloud (spans of t = 6: 10.5, 10.5) → buy.
    const lagged = { ...params, displacement: 3 };
    const out = run(ichimoku, lagged, flatSlices('X', [10, 10, 10, 10, 10, 12, 9, 10, 11.5, 12.5]), X);
    expect(actions(out, 'X').slice(7)).toEqual(['hold', 'hold', 'buy']);
  });

  it('never looks ahead', () => {
    const slices = flatSlices('X', [...trend, ...trend.map((c) => 20 - c), ...trend]);
    const counts = tally(run(ichimoku, params, slices, X)).get('X')!;
    expect(counts.buy).toBeGreaterThan(0);
    expect(counts.sell).toBeGreaterThan(0);
    assertNoLookAhead(ichimoku, params, slices, scalePrices, X);
  });

  it('trades the synthetic market with its defaults: buys and sells its asset classes, nothing else', () => {
    const { slices, instruments } = syntheticMarket(11, 1500);
    const counts = tally(run(ichimoku, BASE_B_PARAM_DEFAULTS.ichimoku, slices, instruments));
    for (const id of ['BTC-USD@alpha', 'ETH-USD@beta', 'SYN500', 'FIN', 'BANK-A']) {
      expect(counts.get(id)!.buy, id).toBeGreaterThan(0);
      expect(counts.get(id)!.sell, id).toBeGreaterThan(0);
    }
    expect(counts.has('SVIX')).toBe(false);
    expect([...counts.keys()].some((id) => id.startsWith('WTH-'))).toBe(false);
  });
});
