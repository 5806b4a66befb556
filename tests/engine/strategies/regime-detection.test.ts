import { describe, expect, it } from 'vitest';
import { FEATURE_INDEX, FeatureVector } from '../../../src-main/engine/data/features';
import type { NormalizedFeatures } from '../../../src-main/engine/data/normalizer';
import type { StrategyDecision } from '../../../src-main/engine/ports';
import { regimeDetection } from '../../../src-main/engine/strategies/regime-detection';
import type { Bar } from '../../../src-shared/domain/market';
import { snapshotOf } from '../../helpers/snapshot';
import { assertTradesWithoutLookAhead, hlc, only, paramsOf, smokeRun, spec } from './base-a-fixtures';

const SECTORS = [spec('T', 'sector')];
const params = (overrides: Record<string, unknown> = {}) =>
  paramsOf(regimeDetection, {
    assetClasses: ['sector'],
    adxPeriod: 2,
    trendAdx: 60,
    rangeAdx: 20,
    volShortWindow: 2,
    volLongWindow: 4,
    crisisVolRatio: 2,
    crisisRangeZ: 3,
    crisisCooldownBars: 1,
    fadeWindow: 3,
    fadeZ: 1.2,
    ...overrides,
  });

/** Features whose normalised range is `rangeZ` (the other features NaN). */
function featuresWithRangeZ(rangeZ: number): NormalizedFeatures {
  const z = new FeatureVector();
  z.values[FEATURE_INDEX.range] = rangeZ;
  return { instrument: 'T', time: 0, raw: new FeatureVector(), z, observations: 100, ready: false };
}

function run(
  overrides: Record<string, unknown>,
  bars: Bar[],
  features: (i: number) => NormalizedFeatures | undefined = () => undefined,
): StrategyDecision[] {
  const logic = regimeDetection.create(params(overrides));
  return bars.map((bar, i) =>
    logic.evaluate(snapshotOf(i, [bar], { instruments: SECTORS, features: () => features(i) })),
  );
}

// Closes doubling every bar, each bar's low at the previous close: every true range is an up move
// (+DM = TR, −DM = 0), so +DI = 100, −DI = 0, DX = 100 and ADX = 100; every log return is exactly ln 2, so
// both volatilities are 0 (ratio 0: no crisis).
const doubling = Array.from({ length: 7 }, (_, k) => hlc('T', k, 2 ** (k + 1), 2 ** k, 2 ** (k + 1)));
const halving = Array.from({ length: 7 }, (_, k) => hlc('T', k, 2 ** (20 - k), 2 ** (19 - k), 2 ** (19 - k)));
// Identical bars (no directional movement: DX 0, ADX 0, returns 0), then a close at 13.
const flat = (n: number) => Array.from({ length: n }, (_, k) => hlc('T', k, 11, 9, 10));
const jump = [
  ...flat(5),
  hlc('T', 5, 13, 9, 13),
  hlc('T', 6, 13, 12, 13),
  hlc('T', 7, 13, 12, 13),
  hlc('T', 8, 13, 12, 13),
];

describe('regime-detection', () => {
  it('abstains until ADX, both volatilities and the fade z-score are ready: max(4, 5, 3) = 5 bars', () => {
    const out = run({}, doubling);
    expect(out[0]).toEqual({ signals: [], abstain: 'T: warming up: 1/5 bars' });
    expect(out[3]).toEqual({ signals: [], abstain: 'T: warming up: 4/5 bars' });
  });

  it('trend regime (ADX ≥ trendAdx): buys with +DI above −DI, sells below, confidence ADX / (2·trendAdx)', () => {
    // ADX 100: confidence min(1, 100 / 120) = 0.83333.
    const up = only(run({}, doubling)[4]);
    expect(up).toMatchObject({ action: 'buy', reason: 'trend regime (ADX 100.0, +DI 100.0 > −DI 0.0)' });
    expect(up.confidence).toBeCloseTo(100 / 120, 12);
    expect(only(run({}, halving)[4])).toMatchObject({
      action: 'sell',
      reason: 'trend regime (ADX 100.0, +DI 0.0 < −DI 100.0)',
    });
  });

  it('range regime (ADX ≤ rangeAdx) fades the close z-score, and ADX between the thresholds keeps the range', () => {
    const out = run({}, jump);
    // Bar 4: ADX 0, closes [10, 10, 10]: z 0, hold.
    expect(only(out[4])).toMatchObject({
      action: 'hold',
      reason: 'range regime, close within ±1.2 σ of its 3-bar mean: no position',
    });
    // Bar 5: +DM 2 gives DX 100, ADX = (0·1 + 100)/2 = 50, between 20 and 60: still range. Closes
    // [10, 10, 13]: mean 11, σ √2, z = 2/√2 = 1.41421 ≥ 1.2: sell, confidence 1.41421 / 2.4 = 0.58926.
    // Volatility: returns [0, 0, 0, ln 1.3]: σ_short (last 2) = ln1.3 / 2, σ_long = ln1.3 · √3 / 4, ratio
    // 2/√3 = 1.1547 < 2: no crisis.
    expect(only(out[5])).toMatchObject({
      action: 'sell',
      reason: 'range regime (ADX 50.0): close z 1.41, fade the high',
    });
    expect(only(out[5]).confidence).toBeCloseTo(Math.SQRT2 / 2.4, 12);
  });

  it('holds between the thresholds before any calm regime', () => {
    // Flat bars 0–2, an up bar, then a down bar. DMI(2) by hand: TR 2, 2, 4, 6 (bars 1–4); smoothed
    // S = S − S/2 + today from bar 2: S(TR) 3, 5.5, 8.75; S(+DM) 0, 2, 1; S(−DM) 0, 0, 2. Bar 3: +DI 36.4,
    // DX 100, ADX = mean(0, 100) = 50. Bar 4: +DI 11.43, −DI 22.86, DX 33.33, ADX (50 + 33.33)/2 = 41.67:
    // between 20 and 60 on the first ready bar. (Volatility ratio √2 < 2.)
    const bars = [...flat(3), hlc('T', 3, 13, 9, 13), hlc('T', 4, 13, 7, 10)];
    expect(only(run({}, bars)[4])).toMatchObject({
      action: 'hold',
      reason: 'ADX between the thresholds and no regime yet: no position',
    });
  });

  it('crisis when volatility reaches crisisVolRatio × its baseline, lasting crisisCooldownBars more bars', () => {
    const out = run({ crisisVolRatio: 1.1 }, jump);
    // Bars 5 and 6: ratio 2/√3 = 1.1547 ≥ 1.1 (the ln 1.3 return is in both windows).
    expect(only(out[5])).toMatchObject({
      action: 'hold',
      reason: 'crisis regime (volatility 1.15× its baseline): stand aside',
    });
    expect(only(out[6]).reason).toBe('crisis regime (volatility 1.15× its baseline): stand aside');
    // Bar 7: the short window holds [0, 0]: ratio 0, but the crisis lasts one more bar.
    expect(only(out[7])).toMatchObject({
      action: 'hold',
      reason: 'crisis regime, cooling down: stand aside',
    });
    expect(only(out[8]).reason).not.toMatch(/^crisis/);
  });

  it('crisis when the normalised bar range reaches crisisRangeZ', () => {
    const out = run({}, doubling, (i) => featuresWithRangeZ(i === 4 ? 3 : 2.9));
    expect(only(out[4])).toMatchObject({
      action: 'hold',
      confidence: 0,
      reason: 'crisis regime (bar range z 3.00): stand aside',
    });
    expect(only(out[5]).reason).toBe('crisis regime, cooling down: stand aside');
    expect(only(out[6]).action).toBe('buy'); // 2.9 < 3: the trend is back
  });

  it('abstains on a non-positive price', () => {
    const out = run({}, [hlc('T', 0, 1, 0, 0)]);
    expect(out[0]).toEqual({ signals: [], abstain: 'T: price 0 is not positive: no log return' });
  });

  it('rejects a short volatility window not shorter than the long one, naming the field', () => {
    expect(
      regimeDetection.params.safeParse({ ...params(), volShortWindow: 4 }).error?.issues[0],
    ).toMatchObject({
      path: ['volShortWindow'],
      message: 'volShortWindow must be shorter than volLongWindow',
    });
  });

  it('has no look-ahead', () => {
    assertTradesWithoutLookAhead(regimeDetection, paramsOf(regimeDetection));
  });

  it('trades equities, sectors, the index and crypto on the synthetic market, never contracts or SVIX', () => {
    const result = smokeRun(regimeDetection, paramsOf(regimeDetection));
    for (const action of ['buy', 'sell', 'hold'] as const) {
      expect([...result.classes[action]].sort()).toEqual(['crypto', 'equity', 'equity-index', 'sector']);
    }
  });
});
