import { describe, expect, it } from 'vitest';
import { stochastic } from '../../../src-main/engine/strategies/stochastic';
import { BASE_B_PARAM_DEFAULTS } from '../../../src-shared/settings/sections/strategy-params/base-b';
import { assertNoLookAhead, scalePrices } from '../../helpers/no-look-ahead';
import { actions, flatSlices, run, signalFor, spec, syntheticMarket, tally } from './base-b-fixtures';

// Small periods so every value can be checked by hand: fast %K over 3 bars, no %K smoothing, %D = SMA(2).
// Warm-up = 3 + 1 + 2 − 2 = 4 bars.
const params = { ...BASE_B_PARAM_DEFAULTS.stochastic, kPeriod: 3, kSmoothing: 1, dPeriod: 2 };
const X = [spec('X', 'crypto')];

// Flat bars, so %K = 100·(close − lowest close)/(highest − lowest) over the last 3 closes.
//  t  close  window          %K      %D (mean of the last two %K)
//  2  8      10, 9, 8        0       –
//  3  7      9, 8, 7         0       0
//  4  7.1    8, 7, 7.1       10      5      %K crosses above %D (0 ≤ 0, 10 > 5) at 10 < 20: buy
//  5  8      7, 7.1, 8       100     55
//  6  7.5    7.1, 8, 7.5     44.44   72.22  %K crosses below %D (100 ≥ 55, 44.4 < 72.2) at 44: close the long
//  7  8.5    8, 7.5, 8.5     100     72.22  crosses above, but at 100 (not below 20): no trade
//  8  9      7.5, 8.5, 9     100     100
//  9  8.95   8.5, 9, 8.95    90      95     crosses below (100 ≥ 100, 90 < 95) at 90 > 80: sell
const closes = [10, 9, 8, 7, 7.1, 8, 7.5, 8.5, 9, 8.95];

describe('stochastic', () => {
  it('abstains while warming up, buys a cross in the oversold zone and closes it at the next down-cross', () => {
    const out = run(stochastic, params, flatSlices('X', closes), X);
    expect(out[0]).toEqual({ signals: [], abstain: 'warming up: X 1/4 bars' });
    expect(out[2]).toEqual({ signals: [], abstain: 'warming up: X 3/4 bars' });
    expect(signalFor(out[3], 'X')).toMatchObject({ action: 'hold', confidence: 0 });
    const buy = signalFor(out[4], 'X');
    // confidence = ½ + ½·(20 − 10)/20 = 0.75
    expect(buy).toMatchObject({ action: 'buy', reason: '%K 10.0 crossed above %D 5.0 below 20' });
    expect(buy.confidence).toBeCloseTo(0.75, 12);
    // A standing view is the same signal object on every bar (no allocation per bar); nothing downstream
    // writes to it (read-only-signals.test.ts).
    expect(signalFor(out[5], 'X')).toBe(buy);
    expect(signalFor(out[6], 'X')).toMatchObject({
      action: 'hold',
      confidence: 0,
      reason: '%K 44.4 crossed below %D 72.2: the long is closed',
    });
    expect(actions(out, 'X')).toEqual(['-', '-', '-', 'hold', 'buy', 'buy', 'hold', 'hold', 'hold', 'sell']);
    const sell = signalFor(out[9], 'X');
    // confidence = ½ + ½·(90 − 80)/(100 − 80) = 0.75
    expect(sell.confidence).toBeCloseTo(0.75, 9);
    expect(sell.reason).toBe('%K 90.0 crossed below %D 95.0 above 80');
  });

  it('closes a short at the next up-cross, wherever it happens', () => {
    // After the sell at t = 9: 9.2 → window 9, 8.95, 9.2: %K = 0.25/0.25 = 100 > %D 95 (90 ≤ 95): up-cross.
    const out = run(stochastic, params, flatSlices('X', [...closes, 9.2]), X);
    expect(signalFor(out[10], 'X')).toMatchObject({
      action: 'hold',
      reason: '%K 100.0 crossed above %D 95.0: the short is closed',
    });
  });

  it('trades only the asset classes it is given, and says so when none is in the step', () => {
    const out = run(stochastic, params, flatSlices('P', closes), [spec('P', 'prediction')]);
    expect(
      out.every(
        (d) =>
          d.abstain === 'no bar of a traded asset class (crypto, equity-index, sector, equity) in this step',
      ),
    ).toBe(true);
    // An instrument the market has not described is not traded either.
    expect(run(stochastic, params, flatSlices('X', closes), [])[9]!.abstain).toMatch(/^no bar of a traded/);
  });

  it('never looks ahead', () => {
    const slices = flatSlices('X', [...closes, ...closes.map((c) => c + 1), ...closes]);
    expect(tally(run(stochastic, params, slices, X)).get('X')!.buy).toBeGreaterThan(0);
    assertNoLookAhead(stochastic, params, slices, scalePrices, X);
  });

  it('trades the synthetic market with its defaults: buys and sells its asset classes, nothing else', () => {
    const { slices, instruments } = syntheticMarket(11, 1500);
    const counts = tally(run(stochastic, BASE_B_PARAM_DEFAULTS.stochastic, slices, instruments));
    for (const id of ['BTC-USD@alpha', 'ETH-USD@beta', 'SYN500', 'TECH', 'BANK-A']) {
      expect(counts.get(id)!.buy, id).toBeGreaterThan(0);
      expect(counts.get(id)!.sell, id).toBeGreaterThan(0);
    }
    for (const id of counts.keys()) {
      expect(['crypto', 'equity-index', 'sector', 'equity']).toContain(
        instruments.find((s) => s.id === id)!.assetClass,
      );
    }
  });
});
