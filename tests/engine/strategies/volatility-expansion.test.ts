import { describe, expect, it } from 'vitest';
import { volatilityExpansion } from '../../../src-main/engine/strategies/volatility-expansion';
import {
  assertTradesWithoutLookAhead,
  hlc,
  only,
  paramsOf,
  runBars,
  smokeRun,
  spec,
} from './base-a-fixtures';

const CRYPTO = [spec('C', 'crypto')];
const params = (overrides: Record<string, unknown> = {}) =>
  paramsOf(volatilityExpansion, {
    assetClasses: ['crypto'],
    measure: 'atr',
    bollingerPeriod: 2,
    atrPeriod: 2,
    percentileWindow: 3,
    squeezePercentile: 0.34,
    expansionMultiple: 2,
    armedBars: 2,
    holdBars: 2,
    ...overrides,
  });

// (high, low, close). True ranges from bar 1: 1, 1, 0.8, 0.6, 1.6, 0.4, 0.4, 0.4, 0.4.
// Wilder ATR(2): bar 2: 1; bar 3: (1 + 0.8)/2 = 0.9; bar 4: (0.9 + 0.6)/2 = 0.75; bar 5: (0.75 + 1.6)/2 = 1.175.
// Measure ATR / close: bar 2: 0.1, bar 3: 0.09, bar 4: 0.075. At bar 4 the window [0.1, 0.09, 0.075] has
// 1 of 3 values ≤ 0.075: rank 1/3 ≤ 0.34, a squeeze.
// Bar 5: true range 1.6 > 2 × prior ATR 0.75 = 1.5, one bar after the squeeze, close up: buy with
// confidence (1.6 / 0.75) / (2 × 2) = 0.53333.
const SERIES: [number, number, number][] = [
  [10.5, 9.5, 10],
  [10.5, 9.5, 10],
  [10.5, 9.5, 10],
  [10.4, 9.6, 10],
  [10.3, 9.7, 10],
  [11.6, 10, 11.5],
  [11.7, 11.3, 11.5],
  [11.7, 11.3, 11.5],
  [11.7, 11.3, 11.5],
  [11.7, 11.3, 11.5],
];
const bars = SERIES.map(([h, l, c], i) => hlc('C', i, h, l, c));

describe('volatility-expansion', () => {
  it('abstains until the rank window is full: atrPeriod + percentileWindow = 5 bars', () => {
    const out = runBars(volatilityExpansion, params(), bars, CRYPTO);
    expect(out[0]).toEqual({ signals: [], abstain: 'C: warming up: 1/5 bars' });
    expect(out[3]).toEqual({ signals: [], abstain: 'C: warming up: 4/5 bars' });
  });

  it('marks the squeeze, trades the expansion bar in its direction and keeps it for holdBars bars', () => {
    const out = runBars(volatilityExpansion, params(), bars, CRYPTO);
    expect(only(out[4])).toMatchObject({ action: 'hold', reason: 'squeeze: waiting for an expansion bar' });
    const entry = 'true range 2.13× ATR, 1 bars after a squeeze';
    expect(only(out[5])).toMatchObject({ action: 'buy', reason: entry });
    expect(only(out[5]).confidence).toBeCloseTo(1.6 / 0.75 / 4, 12);
    // Kept for holdBars = 2 more bars with the expansion's confidence and reason, then closed.
    expect(only(out[6])).toMatchObject({ action: 'buy', reason: entry });
    expect(only(out[6]).confidence).toBeCloseTo(1.6 / 0.75 / 4, 12);
    expect(only(out[7])).toMatchObject({ action: 'buy', reason: entry });
    expect(only(out[8])).toMatchObject({
      action: 'hold',
      confidence: 0,
      reason: 'expansion position held 2 bars: closed',
    });
  });

  it('sells an expansion bar that closes lower (the mirror series)', () => {
    const mirrored = SERIES.map(([h, l, c], i) => hlc('C', i, 30 - l, 30 - h, 30 - c));
    // ATR / close differs slightly (close 20), but ranks are the same: bar 4 is the lowest of three.
    const out = runBars(volatilityExpansion, params(), mirrored, CRYPTO);
    expect(only(out[5])).toMatchObject({ action: 'sell' });
    expect(only(out[5]).confidence).toBeCloseTo(1.6 / 0.75 / 4, 12);
  });

  it('does not trade an expansion without a squeeze before it, or too long after one', () => {
    // Rank 1/3 is above a 0.3 percentile: no squeeze, so bar 5 is not traded.
    expect(
      only(runBars(volatilityExpansion, params({ squeezePercentile: 0.3 }), bars, CRYPTO)[5]),
    ).toMatchObject({
      action: 'hold',
      reason: 'no squeeze in the armed window: no position',
    });
    // Bar 5 is a wide bar that is no expansion (true range 1.4 < 2 × 0.75) and no squeeze (ATR 1.075, measure
    // 0.1075: the highest of its window); bar 6's true range 2.5 > 2 × 1.075 comes 2 bars after the squeeze.
    const delayed: [number, number, number][] = [...SERIES.slice(0, 5), [10.7, 9.3, 10], [12.5, 10, 12.4]];
    const delayedBars = delayed.map(([h, l, c], i) => hlc('C', i, h, l, c));
    expect(only(runBars(volatilityExpansion, params({ armedBars: 1 }), delayedBars, CRYPTO)[6]).action).toBe(
      'hold',
    );
    expect(
      only(runBars(volatilityExpansion, params({ armedBars: 2 }), delayedBars, CRYPTO)[6]),
    ).toMatchObject({
      action: 'buy',
      reason: 'true range 2.33× ATR, 2 bars after a squeeze',
    });
  });

  it('measures Bollinger width by default and has no look-ahead', () => {
    assertTradesWithoutLookAhead(volatilityExpansion, paramsOf(volatilityExpansion));
  });

  it('trades equities, sectors, the index and crypto on the synthetic market, never contracts or SVIX', () => {
    const result = smokeRun(volatilityExpansion, paramsOf(volatilityExpansion));
    for (const action of ['buy', 'sell', 'hold'] as const) {
      expect([...result.classes[action]].sort()).toEqual(['crypto', 'equity', 'equity-index', 'sector']);
    }
  });
});
