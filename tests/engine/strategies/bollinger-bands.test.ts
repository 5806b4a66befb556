import { describe, expect, it } from 'vitest';
import { bollingerBands } from '../../../src-main/engine/strategies/bollinger-bands';
import { BASE_B_PARAM_DEFAULTS } from '../../../src-shared/settings/sections/strategy-params/base-b';
import { assertNoLookAhead, scalePrices } from '../../helpers/no-look-ahead';
import { actions, flatSlices, run, signalFor, spec, syntheticMarket, tally } from './base-b-fixtures';

// Bands over 3 closes at ±1σ (population σ), so each value can be checked by hand.
const params = { ...BASE_B_PARAM_DEFAULTS['bollinger-bands'], period: 3, multiplier: 1, excursionAtFull: 1 };
const X = [spec('X', 'sector')];

//  t  close  window      middle   σ                     lower    upper
//  2  10     10 10 10    10       0                     10       10
//  3  7      10 10 7     9        √(1 + 1 + 4)/√3 = √2  7.586    10.414   7 < lower: √2 − 1 = 0.414 σ below
//  4  8      10 7 8      8.333    √(14/9) = 1.247       7.086    9.580    back inside, below the middle: buy
//  5  8.5    7 8 8.5     7.833                                            ≥ middle: target reached, hold
const reentry = [10, 10, 10, 7, 8, 8.5];

describe('bollinger-bands', () => {
  it('buys a close back inside after a close below the lower band, and holds at the middle band', () => {
    const out = run(bollingerBands, params, flatSlices('X', reentry), X);
    expect(out[1]).toEqual({ signals: [], abstain: 'warming up: X 2/3 bars' });
    expect(signalFor(out[3], 'X')).toMatchObject({
      action: 'hold',
      confidence: 0,
      reason: 'no band re-entry yet',
    });
    const buy = signalFor(out[4], 'X');
    // confidence = ½ + ½·(√2 − 1)/1 = √2/2
    expect(buy.action).toBe('buy');
    expect(buy.confidence).toBeCloseTo(Math.SQRT1_2, 12);
    expect(buy.reason).toBe('close 8.00 back above the lower band 7.09 after closing 0.41 σ below it');
    expect(signalFor(out[5], 'X')).toMatchObject({
      action: 'hold',
      reason: 'close 8.50 reached the middle band 7.83',
    });
  });

  it('sells the mirror image: a close back inside after a close above the upper band', () => {
    const out = run(
      bollingerBands,
      params,
      flatSlices(
        'X',
        reentry.map((c) => 20 - c),
      ),
      X,
    );
    expect(actions(out, 'X')).toEqual(['-', '-', 'hold', 'hold', 'sell', 'hold']);
    expect(signalFor(out[4], 'X').confidence).toBeCloseTo(Math.SQRT1_2, 12);
  });

  it('drops the long when the close falls below the lower band again, and re-enters on the next re-entry', () => {
    // t = 5: 6 → window 7 8 6: middle 7, σ = √(2/3) = 0.816, lower 6.18: 6 < lower → flat.
    // t = 6: 6.5 → window 8 6 6.5: middle 6.833, σ = 0.850, lower 5.98: back inside below the middle → buy.
    const out = run(bollingerBands, params, flatSlices('X', [10, 10, 10, 7, 8, 6, 6.5]), X);
    expect(signalFor(out[5], 'X')).toMatchObject({
      action: 'hold',
      reason: 'close 6.00 fell below the lower band 6.18 again',
    });
    expect(signalFor(out[6], 'X').action).toBe('buy');
  });

  it('does not buy while the close stays outside, nor when it jumps from below the band past the middle', () => {
    // t = 3: 7 (below, as above); t = 4: 5 → window 10 7 5: middle 7.333, σ 2.055, lower 5.28: below again;
    // t = 5: 7.5 → window 7 5 7.5: middle 6.5, σ 1.080, upper 7.58: back inside but above the middle: no trade.
    const out = run(bollingerBands, params, flatSlices('X', [10, 10, 10, 7, 5, 7.5]), X);
    expect(actions(out, 'X')).toEqual(['-', '-', 'hold', 'hold', 'hold', 'hold']);
  });

  it('never looks ahead', () => {
    const slices = flatSlices('X', [...reentry, ...reentry.map((c) => 20 - c), ...reentry]);
    expect(tally(run(bollingerBands, params, slices, X)).get('X')!.buy).toBeGreaterThan(0);
    assertNoLookAhead(bollingerBands, params, slices, scalePrices, X);
  });

  it('trades the synthetic market with its defaults: buys and sells its asset classes, nothing else', () => {
    const { slices, instruments } = syntheticMarket(11, 1500);
    const counts = tally(run(bollingerBands, BASE_B_PARAM_DEFAULTS['bollinger-bands'], slices, instruments));
    for (const id of ['BTC-USD@beta', 'ETH-USD@alpha', 'SYN500', 'HEALTH', 'BANK-B']) {
      expect(counts.get(id)!.buy, id).toBeGreaterThan(0);
      expect(counts.get(id)!.sell, id).toBeGreaterThan(0);
    }
    expect(counts.has('SVIX')).toBe(false);
    expect([...counts.keys()].some((id) => id.startsWith('POL-'))).toBe(false);
  });
});
