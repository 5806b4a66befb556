import { describe, expect, it } from 'vitest';
import { fibonacci } from '../../../src-main/engine/strategies/fibonacci';
import {
  assertTradesWithoutLookAhead,
  hlc,
  only,
  paramsOf,
  runBars,
  smokeRun,
  spec,
} from './base-a-fixtures';

const EQUITY = [spec('E', 'equity')];
const params = (overrides: Record<string, unknown> = {}) =>
  paramsOf(fibonacci, {
    swingLeft: 1,
    swingRight: 1,
    tolerance: 0.02,
    assetClasses: ['equity'],
    ...overrides,
  });

// (high, low, close). With 1 bar each side: bar 1's low 8 is a swing low (confirmed on bar 2), bar 4's high
// 20 a swing high (confirmed on bar 5): an up-leg 8 → 20, range 12, tolerance 0.02 × 12 = 0.24.
// Levels: 38.2 %: 20 − 0.382·12 = 15.416; 50 %: 14; 61.8 %: 20 − 0.618·12 = 12.584.
const UP_LEG: [number, number, number][] = [
  [11, 9, 10],
  [10, 8, 9],
  [12, 9, 11.5],
  [15, 11, 14.5],
  [20, 14, 19],
  [18, 15, 16], // low 15 is 0.416 from the 38.2 % level: more than the tolerance, no touch
  [16.5, 14.1, 15.2], // low 14.1 within 0.24 of the 50 % level 14, close above it: buy
  [18, 15, 17.6], // kept (bar 6 becomes a swing low here: the leg changes, the position keeps its own)
  [20.5, 19, 20.2], // close ≥ the target 20: closed
];
const bars = (series: [number, number, number][]) => series.map(([h, l, c], i) => hlc('E', i, h, l, c));

describe('fibonacci', () => {
  it('abstains until a swing high and a swing low are both confirmed', () => {
    const out = runBars(fibonacci, params(), bars(UP_LEG), EQUITY);
    for (const i of [0, 2, 4]) {
      expect(out[i]).toEqual({ signals: [], abstain: 'E: no confirmed swing high and swing low yet' });
    }
  });

  it('buys a pullback holding the 50 % level of an up-leg, keeps it, and closes at the target', () => {
    const out = runBars(fibonacci, params(), bars(UP_LEG), EQUITY);
    expect(only(out[5])).toMatchObject({
      action: 'hold',
      reason: 'up-leg: no pullback holding a level',
    });
    // Confidence = the share of the leg still to go: (20 − 15.2)/12 = 0.4.
    expect(only(out[6])).toMatchObject({
      action: 'buy',
      reason: 'up-leg: pullback held the 50.0 % retracement',
    });
    expect(only(out[6]).confidence).toBeCloseTo(0.4, 12);
    // (20 − 17.6)/12 = 0.2.
    expect(only(out[7])).toMatchObject({
      action: 'buy',
      reason: 'up-leg: pullback held the 50.0 % retracement',
    });
    expect(only(out[7]).confidence).toBeCloseTo(0.2, 12);
    expect(only(out[8])).toMatchObject({
      action: 'hold',
      confidence: 0,
      reason: 'target (the leg’s end) reached: position closed',
    });
  });

  it('sells a rally holding below a level of a down-leg (the mirror series)', () => {
    const mirrored = UP_LEG.map(([h, l, c]) => [40 - l, 40 - h, 40 - c] as [number, number, number]);
    const out = runBars(fibonacci, params(), bars(mirrored), EQUITY);
    // Down-leg 32 → 20; the 50 % level is 26; bar 6's high 25.9 is within 0.24 and it closes at 24.8 below it.
    expect(only(out[6])).toMatchObject({
      action: 'sell',
      reason: 'down-leg: rally held below the 50.0 % retracement',
    });
    expect(only(out[6]).confidence).toBeCloseTo(0.4, 12);
    expect(only(out[8])).toMatchObject({
      action: 'hold',
      reason: 'target (the leg’s end) reached: position closed',
    });
  });

  it('does not buy a pullback that pierces the level by more than the tolerance', () => {
    const pierced = UP_LEG.map((bar, i) =>
      i === 6 ? ([16.5, 13.5, 15.2] as [number, number, number]) : bar,
    );
    // Low 13.5: 0.5 below the 50 % level and 0.916 above the 61.8 % one: neither holds.
    expect(only(runBars(fibonacci, params(), bars(pierced), EQUITY)[6])).toMatchObject({ action: 'hold' });
  });

  it('closes on the stop and voids a leg whose start was broken', () => {
    const stopped: [number, number, number][] = [...UP_LEG.slice(0, 7), [15, 7.8, 7.9], [9, 7.5, 8.5]];
    const out = runBars(fibonacci, params(), bars(stopped), EQUITY);
    expect(only(out[6]).action).toBe('buy');
    expect(only(out[7])).toMatchObject({
      action: 'hold',
      reason: 'stop (the leg’s start) crossed: position closed',
    });
    // Bar 7's close below 8 voided the leg (bar 8's lower low keeps bar 7 from being a new swing low).
    expect(only(out[8])).toMatchObject({
      action: 'hold',
      reason: 'the leg’s start was broken: waiting for a new swing point',
    });
  });

  it("takes the latest swing high as the leg's end even after more consecutive highs than pivots kept", () => {
    // The detector keeps the last 8 pivots (SWING_PIVOTS_KEPT). With 1 bar each side: bar 1's low 5 is the
    // only swing low; then the lows rise every bar (never a swing low) while the highs zigzag up, so bars
    // 3, 5, …, 21 are swing highs 13, 15, …, 31 (ten in a row: the low is no longer among the 8 kept).
    // Bar 22 confirms the high 31 of bar 21 (its high 29 is lower): the leg is 5 → 31, range 26, tolerance
    // 0.02 × 26 = 0.52, 50 % level 31 − 13 = 18. Bar 23's low 18 touches that level and it closes at 20,
    // above 18 and below 31: buy, confidence (31 − 20)/26. (With the high of 7 pivots ago, 25, as the leg's
    // end, the nearest level, 38.2 % = 25 − 0.382 × 20 = 17.36, is 0.64 away: more than its tolerance 0.4.)
    const trend: [number, number, number][] = [
      [10, 6, 8],
      [9, 5, 7],
      [11, 6, 10],
    ];
    for (let j = 0; j < 10; j++) {
      trend.push([13 + 2 * j, 7 + 2 * j, 12 + 2 * j]); // a swing high
      trend.push(j < 9 ? [12 + 2 * j, 8 + 2 * j, 11 + 2 * j] : [29, 28, 28.5]);
    }
    trend.push([29, 18, 20]);
    const out = runBars(fibonacci, params(), bars(trend), EQUITY);
    const last = only(out[out.length - 1]);
    expect(last).toMatchObject({ action: 'buy', reason: 'up-leg: pullback held the 50.0 % retracement' });
    expect(last.confidence).toBeCloseTo(11 / 26, 12);
  });

  it('has no look-ahead', () => {
    assertTradesWithoutLookAhead(fibonacci, paramsOf(fibonacci));
  });

  it('trades equities, sectors, the index and crypto on the synthetic market, never contracts or SVIX', () => {
    const result = smokeRun(fibonacci, paramsOf(fibonacci));
    for (const action of ['buy', 'sell', 'hold'] as const) {
      expect([...result.classes[action]].sort()).toEqual(['crypto', 'equity', 'equity-index', 'sector']);
    }
  });
});
