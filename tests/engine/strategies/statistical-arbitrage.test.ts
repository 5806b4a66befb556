import { describe, expect, it } from 'vitest';
import type { StrategyDecision } from '../../../src-main/engine/ports';
import { statisticalArbitrage } from '../../../src-main/engine/strategies/statistical-arbitrage';
import { flatBar, snapshotOf } from '../../helpers/snapshot';
import { assertTradesWithoutLookAhead, paramsOf, smokeRun, spec } from './base-a-fixtures';

const PAIR = [spec('BANK-A', 'equity'), spec('BANK-B', 'equity')];
const params = (overrides: Record<string, unknown> = {}) =>
  paramsOf(statisticalArbitrage, { window: 3, entryZ: 1.2, exitZ: 0.5, ...overrides });

/** Runs the pair over (close A, close B) steps. */
function run(overrides: Record<string, unknown>, closes: [number, number][]): StrategyDecision[] {
  const logic = statisticalArbitrage.create(params(overrides));
  return closes.map(([a, b], i) =>
    logic.evaluate(snapshotOf(i, [flatBar('BANK-A', i, a), flatBar('BANK-B', i, b)], { instruments: PAIR })),
  );
}

const actions = (d: StrategyDecision | undefined) => d?.signals.map((s) => `${s.instrument} ${s.action}`);

describe('statistical-arbitrage', () => {
  it('fixed ratio: z of the spread ln B − β ln A; sells the rich leg and buys the cheap one, then exits and flips', () => {
    // A = 1 (x = 0), B = e^s: the spread is s. s = 0, 0, 0, 0.3, 0.3, 0.1.
    const s = [0, 0, 0, 0.3, 0.3, 0.1];
    const out = run(
      { hedgeRatio: 'fixed', fixedHedgeRatio: 1 },
      s.map((v) => [1, Math.exp(v)]),
    );
    expect(out[0]).toEqual({ signals: [], abstain: 'warming up: 1/3 bars' });
    expect(out[1]).toEqual({ signals: [], abstain: 'warming up: 2/3 bars' });
    // [0, 0, 0]: no variation: z = 0, hold both legs.
    expect(out[2]?.signals).toEqual([
      {
        instrument: 'BANK-A',
        action: 'hold',
        confidence: 0,
        reason: 'spread z within ±1.2: no spread position',
      },
      {
        instrument: 'BANK-B',
        action: 'hold',
        confidence: 0,
        reason: 'spread z within ±1.2: no spread position',
      },
    ]);
    // [0, 0, 0.3]: mean 0.1, σ² = (0.01 + 0.01 + 0.04)/3 = 0.02, z = 0.2/√0.02 = √2 = 1.41421 ≥ 1.2:
    // B rich: sell B, buy A; confidence √2 / 2.4 = 0.58926 on both.
    expect(actions(out[3])).toEqual(['BANK-A buy', 'BANK-B sell']);
    expect(out[3]?.signals[0]?.reason).toBe('spread z 1.41 (β 1.000): BANK-B rich against BANK-A');
    for (const signal of out[3]!.signals) expect(signal.confidence).toBeCloseTo(Math.SQRT2 / 2.4, 9);
    // [0, 0.3, 0.3]: mean 0.2, σ² = 0.02, z = 0.1/√0.02 = 0.70711 > exitZ 0.5: kept, confidence 0.29463.
    expect(actions(out[4])).toEqual(['BANK-A buy', 'BANK-B sell']);
    expect(out[4]!.signals[1]!.confidence).toBeCloseTo(Math.SQRT1_2 / 2.4, 9);
    // [0.3, 0.3, 0.1]: mean 0.23333, σ² = 0.0088889, z = −0.13333/0.094281 = −√2 ≤ −1.2: flips.
    expect(actions(out[5])).toEqual(['BANK-A sell', 'BANK-B buy']);
    expect(out[5]?.signals[0]?.reason).toBe('spread z -1.41 (β 1.000): BANK-A rich against BANK-B');
  });

  it('closes both legs (hold) once z is back within exitZ', () => {
    const s = [0, 0, 0.3, 0.3, 0.3];
    // Step 2: z √2 (short spread). Step 3: [0, 0.3, 0.3]: z 0.70711, kept. Step 4: [0.3, 0.3, 0.3]: z 0: closed.
    const out = run(
      { hedgeRatio: 'fixed' },
      s.map((v) => [1, Math.exp(v)]),
    );
    expect(actions(out[2])).toEqual(['BANK-A buy', 'BANK-B sell']);
    expect(actions(out[3])).toEqual(['BANK-A buy', 'BANK-B sell']);
    expect(out[4]?.signals.map((x) => `${x.instrument} ${x.action}: ${x.reason}`)).toEqual([
      'BANK-A hold: spread z 0.00 (β 1.000): back within ±0.5, spread position closed',
      'BANK-B hold: spread z 0.00 (β 1.000): back within ±0.5, spread position closed',
    ]);
  });

  it('rolling OLS: β = Cov(x, y)/Var(x) and z of the fit residual', () => {
    // x = ln A = 0, 0.2, 0.1; y = ln B = 0, 0.4, 0.5. x̄ = 0.1, ȳ = 0.3; Σ(x − x̄)² = 0.02,
    // Σ(x − x̄)(y − ȳ) = 0.03 + 0.01 + 0 = 0.04: β = 2. Residuals (y − ȳ) − 2(x − x̄): −0.1, −0.1, 0.2;
    // σ = √(0.06/3) = √0.02, z = 0.2/√0.02 = √2 ≥ 1.2: B rich, confidence √2 / 2.4.
    const out = run({}, [
      [1, 1],
      [Math.exp(0.2), Math.exp(0.4)],
      [Math.exp(0.1), Math.exp(0.5)],
    ]);
    expect(actions(out[2])).toEqual(['BANK-A buy', 'BANK-B sell']);
    expect(out[2]?.signals[0]?.reason).toBe('spread z 1.41 (β 2.000): BANK-B rich against BANK-A');
    expect(out[2]?.signals[1]?.confidence).toBeCloseTo(Math.SQRT2 / 2.4, 9);
  });

  it('abstains with the OLS ratio when leg A did not move over the window', () => {
    const out = run({}, [
      [1, 1],
      [1, 2],
      [1, 3],
    ]);
    expect(out[2]).toEqual({ signals: [], abstain: 'BANK-A did not move over the window: no hedge ratio' });
  });

  it('abstains when a leg is missing from the market or from the step, or a price is not positive', () => {
    const logic = statisticalArbitrage.create(params());
    const onlyA = [flatBar('BANK-A', 0, 10)];
    expect(logic.evaluate(snapshotOf(0, onlyA, { instruments: [PAIR[0]!] })).abstain).toBe(
      "BANK-B is not among the market's instruments",
    );
    expect(logic.evaluate(snapshotOf(1, onlyA, { instruments: PAIR })).abstain).toBe(
      'no bar of BANK-B at this step: the legs are paired on common steps',
    );
    expect(logic.evaluate(snapshotOf(2, [flatBar('X', 2, 1)], { instruments: PAIR })).abstain).toBe(
      'no bar of BANK-A or BANK-B at this step',
    );
    const onlyB = [flatBar('BANK-B', 2, 10)];
    expect(logic.evaluate(snapshotOf(2, onlyB, { instruments: PAIR })).abstain).toBe(
      'no bar of BANK-A at this step: the legs are paired on common steps',
    );
    expect(logic.evaluate(snapshotOf(2, onlyB, { instruments: [PAIR[1]!] })).abstain).toBe(
      "BANK-A is not among the market's instruments",
    );
    const zero = [flatBar('BANK-A', 3, 10), flatBar('BANK-B', 3, 0)];
    expect(logic.evaluate(snapshotOf(3, zero, { instruments: PAIR })).abstain).toBe(
      'both legs need positive prices (log prices)',
    );
  });

  it('rejects a pair of one instrument and an exit threshold not below the entry, naming the fields', () => {
    const issues = statisticalArbitrage.params.safeParse({ ...params(), legB: 'BANK-A', exitZ: 2 }).error
      ?.issues;
    expect(issues?.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['legB', 'legB must be another instrument than legA'],
      ['exitZ', 'exitZ must be below entryZ'],
    ]);
  });

  it('has no look-ahead', () => {
    assertTradesWithoutLookAhead(statisticalArbitrage, paramsOf(statisticalArbitrage), 11, 800);
  });

  it('trades only BANK-A and BANK-B on the synthetic market', () => {
    const result = smokeRun(statisticalArbitrage, paramsOf(statisticalArbitrage));
    expect(result.counts.buy).toBeGreaterThan(0);
    expect(result.counts.sell).toBe(result.counts.buy); // one leg bought for each leg sold
    expect([...result.traded].sort()).toEqual(['BANK-A', 'BANK-B']);
  });
});
