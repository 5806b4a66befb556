import { describe, expect, it } from 'vitest';
import { macdMomentum } from '../../../src-main/engine/strategies/macd-momentum';
import { flatBar } from '../../helpers/snapshot';
import { assertTradesWithoutLookAhead, only, paramsOf, runBars, smokeRun, spec } from './base-a-fixtures';

const INDEX = [spec('I', 'equity-index')];
const CLOSES = [10, 11, 12, 11, 10, 9, 10, 12, 11, 9, 8];
const params = (confirmBars: number) =>
  paramsOf(macdMomentum, {
    fastPeriod: 2,
    slowPeriod: 3,
    signalPeriod: 2,
    confirmBars,
    rangeWindow: 3,
    assetClasses: ['equity-index'],
  });
const run = (confirmBars: number, closes = CLOSES) =>
  runBars(
    macdMomentum,
    params(confirmBars),
    closes.map((c, i) => flatBar('I', i, c)),
    INDEX,
  );

// MACD(2, 3, 2) by hand (TA-Lib seeding): k = 2/3 (fast, signal), 1/2 (slow). Bar 2: slow = mean(10, 11, 12)
// = 11, fast = mean(11, 12) = 23/2, line 1/2. Bar 3: fast 67/6, slow 11, line 1/6; signal = mean(1/2, 1/6)
// = 1/3; histogram −1/6. Bar 4: fast 187/18, slow 21/2, line −1/9, signal 1/27, histogram −4/27.
// Bar 5: fast 511/54, slow 39/4, line −31/108, signal −29/162, histogram −35/324.
// Bar 6: fast 1591/162, slow 79/8, line −35/648, signal −62/648, histogram 27/648 = 1/24 (turns positive).
// Bars 7–10 (same recursion): histogram 0.143947, −0.02325, −0.14434, −0.09451.
describe('macd-momentum', () => {
  it('abstains until MACD is ready (slow + signal − 1 = 4 bars), then holds without a crossover', () => {
    const out = run(1);
    expect(out[0]).toEqual({ signals: [], abstain: 'I: warming up: 1/4 bars' });
    expect(out[2]).toEqual({ signals: [], abstain: 'I: warming up: 3/4 bars' });
    // Bars 3–5: the histogram was negative from the first ready bar: no crossover seen.
    for (const i of [3, 4, 5]) {
      expect(only(out[i])).toMatchObject({ action: 'hold', confidence: 0 });
      expect(only(out[i]).reason).toBe('no signal-line crossover since warm-up: no position');
    }
  });

  it('buys on a bullish crossover and sells on a bearish one, confidence = |histogram| / recent largest', () => {
    const out = run(1);
    // Bar 6: |histogram| 1/24 against the largest of bars 4–6, 4/27: (1/24)/(4/27) = 27/96 = 0.28125.
    expect(only(out[6])).toMatchObject({
      action: 'buy',
      reason: 'MACD above its signal line since a bullish crossover',
    });
    expect(only(out[6]).confidence).toBeCloseTo(27 / 96, 12);
    // Bar 7: 0.14395 is the largest of bars 5–7: confidence 1.
    expect(only(out[7])).toMatchObject({
      action: 'buy',
      confidence: 1,
      reason: 'MACD above its signal line since a bullish crossover',
    });
    // Bar 8: −0.02325 against max(1/24, 0.14395, 0.02325): 0.02325 / 0.14395 = 0.1615.
    expect(only(out[8])).toMatchObject({
      action: 'sell',
      reason: 'MACD below its signal line since a bearish crossover',
    });
    expect(only(out[8]).confidence).toBeCloseTo(0.02325 / 0.14395, 3);
    expect(only(out[9])).toMatchObject({ action: 'sell', confidence: 1 });
  });

  it('with confirmBars 2, holds on the crossover bar and trades on the next if the sign holds', () => {
    const out = run(2);
    expect(only(out[6])).toMatchObject({
      action: 'hold',
      reason: 'bullish crossover, unconfirmed: 1/2 bars',
    });
    expect(only(out[7])).toMatchObject({
      action: 'buy',
      confidence: 1,
      reason: 'MACD above its signal line since a bullish crossover, confirmed over 2 bars',
    });
    expect(only(out[8])).toMatchObject({ action: 'hold' });
    expect(only(out[9])).toMatchObject({ action: 'sell', confidence: 1 });
  });

  it('holds when the lines are equal (a flat market)', () => {
    const out = run(1, [10, 10, 10, 10, 10]);
    expect(only(out[4])).toMatchObject({
      action: 'hold',
      reason: 'MACD line equals its signal line: no position',
    });
  });

  it('rejects a fast period not shorter than the slow one, naming the field', () => {
    const result = macdMomentum.params.safeParse({ ...params(1), fastPeriod: 3 });
    expect(result.error?.issues[0]).toMatchObject({
      path: ['fastPeriod'],
      message: 'fastPeriod must be shorter than slowPeriod',
    });
  });

  it('has no look-ahead', () => {
    assertTradesWithoutLookAhead(macdMomentum, paramsOf(macdMomentum));
  });

  it('trades equities, sectors, the index and crypto on the synthetic market, never contracts or SVIX', () => {
    const result = smokeRun(macdMomentum, paramsOf(macdMomentum));
    for (const action of ['buy', 'sell', 'hold'] as const) {
      expect([...result.classes[action]].sort()).toEqual(['crypto', 'equity', 'equity-index', 'sector']);
    }
  });
});
