import { describe, expect, it } from 'vitest';
import { breakout } from '../../../src-main/engine/strategies/breakout';
import {
  assertTradesWithoutLookAhead,
  hlc,
  only,
  paramsOf,
  runBars,
  smokeRun,
  spec,
} from './base-a-fixtures';
import { snapshotOf } from '../../helpers/snapshot';

const SECTOR = [spec('S', 'sector')];
const params = (overrides: Record<string, unknown> = {}) =>
  paramsOf(breakout, {
    period: 3,
    exitPeriod: 2,
    atrPeriod: 2,
    minBreakoutAtr: 0,
    assetClasses: ['sector'],
    ...overrides,
  });

// (high, low, close). True ranges (from bar 1): 2, 2, 2.5, 1, 1.2, 0.7, …
// Wilder ATR(2): after bar 2 (2 + 2)/2 = 2; bar 3 (2 + 2.5)/2 = 2.25; bar 4 (2.25 + 1)/2 = 1.625;
// bar 5 (1.625 + 1.2)/2 = 1.4125; bar 6 (1.4125 + 0.7)/2 = 1.05625.
const SERIES: [number, number, number][] = [
  [11, 9, 10],
  [11, 9, 10],
  [11, 9, 10],
  [12.5, 10, 12], // 3: close 12 above the prior 3-bar high 11 (its own high 12.5 is not in the channel)
  [12.5, 11.5, 12], // 4: inside; exit low of bars 2–3 is 9: long kept
  [12.2, 11, 11.2], // 5: exit low of bars 3–4 is 10: long kept
  [11.3, 10.6, 10.8], // 6: exit low of bars 4–5 is 11: long closed; the 3-bar low is 10: no short
  [10.8, 9.4, 9.5], // 7: below the 3-bar low of bars 4–6, 10.6: short
];
const bars = SERIES.map(([h, l, c], i) => hlc('S', i, h, l, c));

describe('breakout', () => {
  it('abstains until the channels and the ATR of the prior bars are ready', () => {
    const out = runBars(breakout, params(), bars, SECTOR);
    // Warm-up: max(period 3, exitPeriod 2, atrPeriod + 1 = 3) prior bars.
    expect(out[0]).toEqual({ signals: [], abstain: 'S: warming up: 0/3 bars' });
    expect(out[2]).toEqual({ signals: [], abstain: 'S: warming up: 2/3 bars' });
  });

  it('buys a close above the prior channel, keeps it, closes on the exit channel, then sells below the low', () => {
    const out = runBars(breakout, params(), bars, SECTOR);
    // Bar 3: margin 12 − 11 = 1, prior ATR 2: confidence ½ + ½·1/2 = 0.75.
    expect(only(out[3])).toEqual({
      instrument: 'S',
      action: 'buy',
      confidence: 0.75,
      reason: 'close above the prior 3-bar high',
    });
    expect(only(out[4])).toMatchObject({ action: 'buy', confidence: 0.75 });
    expect(only(out[5])).toMatchObject({
      action: 'buy',
      confidence: 0.75,
      reason: 'long since a close above the prior 3-bar high',
    });
    expect(only(out[6])).toMatchObject({
      action: 'hold',
      confidence: 0,
      reason: 'close below the prior 2-bar low: long closed',
    });
    // Bar 7: margin 10.6 − 9.5 = 1.1, prior ATR 1.05625: ½ + ½·1.1/1.05625 = 1.0207, capped at 1.
    expect(only(out[7])).toMatchObject({
      action: 'sell',
      confidence: 1,
      reason: 'close below the prior 3-bar low',
    });
  });

  it('with the ATR filter, a breakout smaller than minBreakoutAtr × ATR is not taken', () => {
    // Bar 3 clears the channel by 1 = 0.5 × ATR 2: taken at 0.5, refused at 0.6.
    expect(only(runBars(breakout, params({ minBreakoutAtr: 0.5 }), bars, SECTOR)[3]).action).toBe('buy');
    expect(only(runBars(breakout, params({ minBreakoutAtr: 0.6 }), bars, SECTOR)[3])).toMatchObject({
      action: 'hold',
      reason: 'no close beyond the prior 3-bar channel: no position',
    });
  });

  it('closes a short on a close above the exit channel high', () => {
    // Mirror of the series around 20: the breakout is downward, then the close above the exit high ends it.
    const mirrored = SERIES.map(([h, l, c], i) => hlc('S', i, 20 - l, 20 - h, 20 - c));
    const out = runBars(breakout, params(), mirrored, SECTOR);
    expect(only(out[3])).toMatchObject({ action: 'sell', confidence: 0.75 });
    expect(only(out[6])).toMatchObject({
      action: 'hold',
      reason: 'close above the prior 2-bar high: short closed',
    });
    expect(only(out[7])).toMatchObject({ action: 'buy', confidence: 1 });
  });

  it('takes no breakout on a close exactly at the channel, and keeps a long on a close exactly at the exit low', () => {
    // (high, low, close); channels of the prior bars (entry 3, exit 2).
    const exact: [number, number, number][] = [
      [11, 9, 10],
      [11, 9, 10],
      [11, 9, 10],
      [11.5, 10.5, 11], // 3: close 11 = the prior 3-bar high 11: not above it, hold
      [13, 11.5, 12], // 4: close 12 > the prior high 11.5: buy
      [12.5, 11.5, 12], // 5: kept
      [12, 11.5, 11.5], // 6: close 11.5 = the prior 2-bar low (bars 4–5) 11.5: not below it, kept
      [12, 11, 11.4], // 7: close 11.4 < the prior 3-bar low (bars 4–6) 11.5: reversed to short
    ];
    const out = runBars(
      breakout,
      params(),
      exact.map(([h, l, c], i) => hlc('S', i, h, l, c)),
      SECTOR,
    );
    expect(only(out[3])).toMatchObject({
      action: 'hold',
      reason: 'no close beyond the prior 3-bar channel: no position',
    });
    expect(only(out[4]).action).toBe('buy');
    expect(only(out[6])).toMatchObject({
      action: 'buy',
      reason: 'long since a close above the prior 3-bar high',
    });
    expect(only(out[7])).toMatchObject({ action: 'sell', reason: 'close below the prior 3-bar low' });
  });

  it('refuses a bar with a non-finite high or low, naming the entry channel as the Donchian indicator did', () => {
    const logic = breakout.create(params());
    const snapshot = (high: number, low: number) =>
      snapshotOf(0, [hlc('S', 0, high, low, 10)], { instruments: SECTOR });
    expect(() => logic.evaluate(snapshot(NaN, 9))).toThrow(
      'Donchian(3): high must be a finite number, got NaN',
    );
    expect(() => logic.evaluate(snapshot(11, Infinity))).toThrow(
      'Donchian(3): low must be a finite number, got Infinity',
    );
  });

  it('rejects an exit channel longer than the entry channel, naming the field', () => {
    const result = breakout.params.safeParse({ ...params(), exitPeriod: 4 });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({
      path: ['exitPeriod'],
      message: 'exitPeriod must not exceed period',
    });
  });

  it('has no look-ahead', () => {
    assertTradesWithoutLookAhead(breakout, paramsOf(breakout));
  });

  it('trades equities, sectors, the index and crypto on the synthetic market, never contracts or SVIX', () => {
    const result = smokeRun(breakout, paramsOf(breakout));
    for (const action of ['buy', 'sell', 'hold'] as const) {
      expect([...result.classes[action]].sort()).toEqual(['crypto', 'equity', 'equity-index', 'sector']);
    }
  });
});
