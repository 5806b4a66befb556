import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { highProbabilityBonds } from '../../../src-main/engine/strategies/high-probability-bonds';
import { createSyntheticMarket } from '../../../src-main/feeds/synthetic-market';
import type { Bar, InstrumentSpec, MarketSlice } from '../../../src-shared/domain/market';
import { HighProbabilityBondsParamsSchema } from '../../../src-shared/settings/sections/strategy-params/advanced';
import { assertNoLookAhead, decisionsOver, scalePrices } from '../../helpers/no-look-ahead';
import { flatBar, snapshotOf } from '../../helpers/snapshot';
import { contractSpec, HOUR_MS, slicesOf, tradesByInstrument } from './advanced-fixtures';

const PARAMS = {
  enabled: true,
  minPrice: 0.95,
  minAnnualYield: 0.2,
  failureBudget: 0.02,
  fullConfidenceHours: 24,
};
const RESOLUTION = 1_000 * HOUR_MS;
const SPECS: InstrumentSpec[] = [
  contractSpec('C', 'sports', RESOLUTION),
  contractSpec('D', 'weather', RESOLUTION),
];

/** The strategy's decision on one bar of contract C (or `id`) at `hoursLeft` before resolution. */
function decideAt(price: number, hoursLeft: number, extra: Partial<Bar> = {}, params: unknown = PARAMS) {
  const logic = highProbabilityBonds.create(HighProbabilityBondsParamsSchema.parse(params));
  const time = RESOLUTION - hoursLeft * HOUR_MS;
  return logic.evaluate(
    snapshotOf(time, [{ ...flatBar('C', time, price), ...extra }], { instruments: SPECS }),
  );
}

describe('high-probability bonds', () => {
  it('buys YES at ≥ 0.95 when the annualised yield beats the threshold, confidence for failure and time', () => {
    const d = decideAt(0.96, 48);
    // y = 1 / (0.96 × 1.002) − 1 = 3.9587 %; over 48 h: × 8766 / 48 = 722.97 % a year ≥ 20 %.
    // confidence = min(1, 0.02 / 0.04) × min(1, 24 / 48) = 0.5 × 0.5 = 0.25.
    expect(d.signals).toHaveLength(1);
    expect(d.signals[0]).toMatchObject({ instrument: 'C', action: 'buy' });
    expect(d.signals[0]!.confidence).toBeCloseTo(0.25, 12);
    expect(d.signals[0]!.reason).toBe('YES bond at 0.960: 3.96 % to resolution in 48.0 h, 722.97 % a year');
  });

  it('buys NO (sells YES) at ≤ 0.05, at full confidence when failure and time are within bounds', () => {
    const d = decideAt(0.01, 12);
    // π = 0.99: failure 0.01, min(1, 0.02 / 0.01) = 1; 12 h ≤ 24 h: 1.
    expect(d.signals[0]).toMatchObject({ action: 'sell', confidence: 1 });
    expect(d.signals[0]!.reason).toMatch(/^NO bond at 0\.990: /);
  });

  it('takes a NO bond priced exactly at minPrice, as it takes a YES one (no rounding asymmetry)', () => {
    // minPrice 0.9: YES at 0.90 qualifies (p ≥ 0.9). A YES price of 0.10 is a NO bond at π = 0.90, which
    // must qualify too; in doubles 1 − 0.9 = 0.09999999999999998 < 0.1, so "p ≤ 1 − minPrice" refused it.
    // Yield: 1 / (0.9 × 1.002) − 1 = 10.89 % over 12 h, far above 20 % a year; confidence
    // min(1, 0.02 / 0.1) × min(1, 24 / 12) = 0.2 for both.
    const params = { ...PARAMS, minPrice: 0.9 };
    const yes = decideAt(0.9, 12, {}, params).signals[0]!;
    const no = decideAt(0.1, 12, {}, params).signals[0]!;
    expect(yes).toMatchObject({ action: 'buy' });
    expect(no).toMatchObject({ action: 'sell' });
    expect(no.confidence).toBeCloseTo(0.2, 12);
    expect(yes.confidence).toBeCloseTo(0.2, 12);
    // Just beyond the boundary (π = 0.899) neither side trades.
    expect(decideAt(0.899, 12, {}, params).signals[0]!.action).toBe('hold');
    expect(decideAt(0.101, 12, {}, params).signals[0]!.action).toBe('hold');
  });

  it('holds when the yield is below the threshold, the price is not near certainty, or the fee eats the yield', () => {
    // y = 1 / (0.99 × 1.002) − 1 = 0.808 % over 2 years: 0.40 % a year < 20 %.
    expect(decideAt(0.99, 2 * 8766).signals[0]).toMatchObject({
      action: 'hold',
      confidence: 0,
      reason: 'YES annual yield 0.40 % below 20.00 %',
    });
    expect(decideAt(0.5, 10).signals[0]).toMatchObject({
      action: 'hold',
      reason: 'price not near certainty',
    });
    // 0.999 × 1.002 > 1: a negative yield.
    expect(decideAt(0.999, 10).signals[0]!.action).toBe('hold');
  });

  it('never signals on a settlement bar or at or after resolution; abstains without a live contract', () => {
    const none = { signals: [], abstain: 'no live prediction contract in this slice' };
    expect(decideAt(1, 0, { settlement: 1 })).toEqual(none);
    expect(decideAt(0.97, 0)).toEqual(none);
    expect(decideAt(0.97, -1)).toEqual(none);
    const logic = highProbabilityBonds.create(PARAMS);
    expect(logic.evaluate(snapshotOf(0, [flatBar('BTC', 0, 0.97)], { instruments: SPECS }))).toEqual(none);
  });

  it('keeps confidence × probability of failure within the failure budget (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.95, max: 0.998, noNaN: true }),
        fc.double({ min: 0.01, max: 500, noNaN: true }),
        fc.boolean(),
        (bond, hours, yes) => {
          const d = decideAt(yes ? bond : 1 - bond, hours);
          const s = d.signals[0]!;
          if (s.action === 'hold') return true;
          const failure = 1 - bond; // the bond's failure probability, YES or NO alike
          return s.confidence * failure <= PARAMS.failureBudget + 1e-12 && s.confidence <= 1;
        },
      ),
    );
  });

  it('rejects bad parameters with a message for the trader', () => {
    const low = HighProbabilityBondsParamsSchema.safeParse({ ...PARAMS, minPrice: 0.4 });
    expect(low.error!.issues[0]).toMatchObject({
      path: ['minPrice'],
      message: 'expected a price above 0.5 and below 1',
    });
    const budget = HighProbabilityBondsParamsSchema.safeParse({ ...PARAMS, failureBudget: 0 });
    expect(budget.error!.issues[0]).toMatchObject({
      path: ['failureBudget'],
      message: 'expected a number above 0 and at most 1',
    });
  });

  it('does not look ahead', () => {
    // C drifts from 0.90 to 0.99 over 200 hourly bars, with a wobble.
    const slices: MarketSlice[] = [];
    for (let i = 0; i < 200; i++) {
      const t = RESOLUTION - (200 - i) * HOUR_MS;
      const price = 0.9 + 0.09 * (i / 200) + 0.01 * Math.sin(i / 3);
      slices.push({ time: t, bars: [flatBar('C', t, price), flatBar('D', t, 1 - price)] });
    }
    const trades = tradesByInstrument(decisionsOver(highProbabilityBonds, PARAMS, slices, SPECS));
    expect(trades.get('C')).toBeGreaterThan(0);
    expect(trades.get('D')).toBeGreaterThan(0);
    assertNoLookAhead(highProbabilityBonds, PARAMS, slices, scalePrices, SPECS);
  });

  it('on the synthetic market buys and sells prediction contracts only', () => {
    const market = createSyntheticMarket({ seed: 5, maxBars: 3000 });
    const decisions = decisionsOver(highProbabilityBonds, PARAMS, slicesOf(market), market.instruments);
    const actions = new Set(decisions.flatMap((d) => d.signals.map((s) => s.action)));
    expect(actions).toEqual(new Set(['buy', 'sell', 'hold']));
    const specs = new Map(market.instruments.map((s) => [s.id, s]));
    for (const d of decisions)
      for (const s of d.signals) expect(specs.get(s.instrument)!.assetClass).toBe('prediction');
    expect(tradesByInstrument(decisions).size).toBeGreaterThan(1);
  });
});
