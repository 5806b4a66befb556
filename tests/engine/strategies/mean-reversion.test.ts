import { describe, expect, it } from 'vitest';
import { meanReversion } from '../../../src-main/engine/strategies/mean-reversion';
import { flatBar, snapshotOf } from '../../helpers/snapshot';
import { assertTradesWithoutLookAhead, only, paramsOf, runBars, smokeRun, spec } from './base-a-fixtures';

const EQUITY = [spec('X', 'equity')];
const params = paramsOf(meanReversion, { period: 4, entryZ: 1.2, exitZ: 0.5, assetClasses: ['equity'] });
const run = (closes: number[]) =>
  runBars(
    meanReversion,
    params,
    closes.map((c, i) => flatBar('X', i, c)),
    EQUITY,
  );

describe('mean-reversion', () => {
  it('abstains while the window fills, then holds on a flat window (σ = 0 gives z = 0)', () => {
    const out = run([10, 10, 10, 10]);
    expect(out[0]).toEqual({ signals: [], abstain: 'X: warming up: 1/4 bars' });
    expect(out[2]).toEqual({ signals: [], abstain: 'X: warming up: 3/4 bars' });
    expect(only(out[3])).toMatchObject({
      action: 'hold',
      confidence: 0,
      reason: 'close within ±1.2 σ of its 4-bar mean: no position',
    });
  });

  it('buys below −entryZ and keeps the long until z is back above −exitZ', () => {
    const out = run([10, 10, 10, 10, 8, 8.5, 9]);
    // [10,10,10,8]: mean 9.5, σ² = (3·0.25 + 2.25)/4 = 0.75, z = −1.5/√0.75 = −√3 = −1.7321 < −1.2.
    // Confidence |z| / (2·1.2) = 1.7321 / 2.4 = 0.72169.
    expect(only(out[4])).toMatchObject({
      action: 'buy',
      reason: 'close z -1.73 below −1.2 σ of its 4-bar mean',
    });
    expect(only(out[4]).confidence).toBeCloseTo(Math.sqrt(3) / 2.4, 12);
    // [10,10,8,8.5]: mean 9.125, σ² = (2·0.765625 + 1.265625 + 0.390625)/4 = 0.796875,
    // z = −0.625/0.892679 = −0.70014: below −0.5, still long; confidence 0.70014/2.4 = 0.29173.
    expect(only(out[5])).toMatchObject({
      action: 'buy',
      reason: 'close z -1.73 below −1.2 σ of its 4-bar mean',
    });
    expect(only(out[5]).confidence).toBeCloseTo(0.625 / Math.sqrt(0.796875) / 2.4, 12);
    // [10,8,8.5,9]: mean 8.875, σ² = (1.265625 + 0.765625 + 0.140625 + 0.015625)/4 = 0.546875,
    // z = 0.125/0.739510 = 0.16903 ≥ −0.5: back near the mean, hold.
    expect(only(out[6])).toMatchObject({
      action: 'hold',
      confidence: 0,
      reason: 'close z 0.17: back within ±0.5 σ, position closed',
    });
  });

  it('sells above +entryZ, and a long flips to a sell at once when z passes +entryZ', () => {
    expect(only(run([10, 10, 10, 10, 12])[4])).toMatchObject({
      action: 'sell',
      reason: 'close z 1.73 above +1.2 σ of its 4-bar mean',
    });
    const out = run([10, 10, 10, 10, 8, 13]);
    expect(only(out[4]).action).toBe('buy');
    // [10,10,8,13]: mean 10.25, σ² = (2·0.0625 + 5.0625 + 7.5625)/4 = 3.1875, z = 2.75/1.785357 = 1.54030.
    expect(only(out[5])).toMatchObject({ action: 'sell' });
    expect(only(out[5]).confidence).toBeCloseTo(2.75 / Math.sqrt(3.1875) / 2.4, 12);
  });

  it('holds between exitZ and entryZ when flat (no entry without passing ±entryZ)', () => {
    const out = run([9, 11, 9, 11, 10]);
    // [9,11,9,11]: mean 10, σ 1, z = 1 (inside ±1.2). [11,9,11,10]: mean 10.25, σ² = 2.75/4, z = −0.30.
    expect(only(out[3])).toMatchObject({
      action: 'hold',
      reason: 'close within ±1.2 σ of its 4-bar mean: no position',
    });
    expect(only(out[4])).toMatchObject({
      action: 'hold',
      reason: 'close within ±1.2 σ of its 4-bar mean: no position',
    });
  });

  it('trades only its asset classes and says so when none of its instruments has a bar', () => {
    const logic = meanReversion.create(params);
    const decision = logic.evaluate(
      snapshotOf(0, [flatBar('P', 0, 0.4)], { instruments: [spec('P', 'prediction')] }),
    );
    expect(decision).toEqual({
      signals: [],
      abstain: 'no bar of an instrument in its asset classes (equity) at this step',
    });
    // An instrument without details from the market is skipped too.
    expect(logic.evaluate(snapshotOf(1, [flatBar('Q', 1, 10)])).abstain).toMatch(/^no bar of an instrument/);
  });

  it('has no look-ahead', () => {
    assertTradesWithoutLookAhead(meanReversion, paramsOf(meanReversion));
  });

  it('trades equities, sectors, the index and crypto on the synthetic market, never contracts or SVIX', () => {
    const result = smokeRun(meanReversion, paramsOf(meanReversion));
    for (const action of ['buy', 'sell'] as const) {
      expect([...result.classes[action]].sort()).toEqual(['crypto', 'equity', 'equity-index', 'sector']);
    }
    expect([...result.classes.hold].sort()).toEqual(['crypto', 'equity', 'equity-index', 'sector']);
  });
});
