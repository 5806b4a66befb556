import { describe, expect, it } from 'vitest';
import { LiquidationCascadeDetector } from '../../../src-main/engine/data/liquidation-cascade';
import { cascadeOptionsFrom } from '../../../src-main/engine/data/options-from-settings';
import type { CascadeAssessment } from '../../../src-main/engine/data/liquidation-cascade';
import type { StrategyDecision } from '../../../src-main/engine/ports';
import { liquidationFlow } from '../../../src-main/engine/strategies/liquidation-flow';
import { createSyntheticMarket } from '../../../src-main/feeds/synthetic-market';
import type { Bar, MarketSlice } from '../../../src-shared/domain/market';
import { LiquidationFlowParamsSchema } from '../../../src-shared/settings/sections/strategy-params/advanced';
import { assertNoLookAhead, decisionsOver, scalePrices } from '../../helpers/no-look-ahead';
import { flatBar, snapshotOf } from '../../helpers/snapshot';
import { testSettings } from '../../helpers/settings';
import { cascadeOf, liquidationBar, slicesOf, tradesByInstrument } from './advanced-fixtures';

const PARAMS = {
  enabled: true,
  baselineWindow: 5,
  burstZ: 2,
  exhaustionRatio: 0.5,
  stabiliseSigmas: 0.5,
  continuationScore: 0.6,
  holdBars: 3,
};

/** A bar whose liquidated share of the opening open interest (10 000) is `share`, split by `longShare`. */
function barOf(t: number, close: number, share: number, longShare = 0.5): Bar {
  const liquidated = share * 10_000;
  return liquidationBar(
    'L',
    t,
    close,
    liquidated * longShare,
    liquidated * (1 - longShare),
    10_000 - liquidated,
  );
}

// Bars 0–5: closes 100, 101, … and shares 0.001, 0.003, … alternating. On bar 6 the share baseline is bars
// 1–5 = 0.003, 0.001, 0.003, 0.001, 0.003: μ = 0.0022, σ (population) = √((3·0.0008² + 2·0.0012²)/5) =
// √(9.6e-7) = 9.798e-4. A burst of share 0.05 has z = (0.05 − 0.0022) / 9.798e-4 = 48.8 → strength
// min(1, 48.8 / (2·2)) = 1.
const BASELINE: Bar[] = [0, 1, 2, 3, 4, 5].map((t) =>
  barOf(t, t % 2 === 0 ? 100 : 101, t % 2 === 0 ? 0.001 : 0.003),
);
/** Bar 6: longs liquidated (forced selling), share 0.05, close 99. */
const LONG_BURST = barOf(6, 99, 0.05, 1);

function feed(bars: Bar[], cascade: (t: number) => CascadeAssessment | undefined = () => undefined) {
  const logic = liquidationFlow.create(PARAMS);
  return bars.map((bar) => logic.evaluate(snapshotOf(bar.time, [bar], { cascade: () => cascade(bar.time) })));
}

const only = (d: StrategyDecision) => {
  const s = d.signals[0]!;
  return [s.action, Number(s.confidence.toFixed(10)), s.reason];
};

describe('liquidation flow', () => {
  it('abstains while warming up, holds without a burst, waits one bar after a burst', () => {
    const out = feed([...BASELINE, LONG_BURST]);
    expect(out[0]).toEqual({ signals: [], abstain: 'warming up: 1/7 bars' });
    expect(out[5]).toEqual({ signals: [], abstain: 'warming up: 6/7 bars' });
    expect(only(out[6]!)).toEqual([
      'hold',
      0,
      'liquidation burst: waiting one bar for rebound or continuation',
    ]);
    const calm = feed([...BASELINE, barOf(6, 100, 0.003)]);
    expect(only(calm[6]!)).toEqual(['hold', 0, 'no liquidation burst']);
  });

  it('calls a burst above a flat baseline (z = +∞) and says so without "Infinity" in its reason', () => {
    // Bars 0–5 liquidate nothing: the baseline of bar 6 is flat at 0 (σ = 0), so its share 0.05 has
    // z = +∞ > burstZ, strength min(1, ∞ / 4) = 1. Bar 7: share 0.005 ≤ 0.5 × 0.05 and price up
    // (d·r < 0 ≤ 0.5 σ₁): rebound, confidence 1 × (1 − 0.005 / 0.05) = 0.9.
    const quiet = [0, 1, 2, 3, 4, 5].map((t) => barOf(t, t % 2 === 0 ? 100 : 101, 0));
    const out = feed([...quiet, LONG_BURST, barOf(7, 99.2, 0.005)]);
    expect(only(out[6]!)[2]).toBe('liquidation burst: waiting one bar for rebound or continuation');
    expect(only(out[7]!)).toEqual([
      'buy',
      0.9,
      'rebound: liquidations at 10.0 % of the burst after a long liquidation burst (z ∞, flat baseline)',
    ]);
  });

  it('buys the rebound when liquidations dry up and price stops falling, for holdBars bars', () => {
    // Bar 7: share 0.005 ≤ 0.5 × 0.05 and price up (d·r < 0): rebound, confidence 1 × (1 − 0.005/0.05) = 0.9.
    const out = feed([
      ...BASELINE,
      LONG_BURST,
      barOf(7, 99.2, 0.005),
      barOf(8, 99.3, 0.001),
      barOf(9, 99.1, 0.003),
      barOf(10, 99, 0.001),
      barOf(11, 99, 0.003),
    ]);
    const reason = 'rebound: liquidations at 10.0 % of the burst after a long liquidation burst (z 48.8)';
    expect(only(out[7]!)).toEqual(['buy', 0.9, reason]);
    expect(only(out[8]!)).toEqual(['buy', 0.9, reason]);
    expect(only(out[9]!)).toEqual(['buy', 0.9, reason]);
    expect(only(out[10]!)).toEqual(['hold', 0, 'holding period over']);
    expect(only(out[11]!)).toEqual(['hold', 0, 'no liquidation burst']);
  });

  it('sells the rebound after a short squeeze', () => {
    const squeeze = barOf(6, 101.5, 0.05, 0);
    const out = feed([...BASELINE, squeeze, barOf(7, 100.9, 0.005)]);
    expect(only(out[7]!)).toEqual([
      'sell',
      0.9,
      'rebound: liquidations at 10.0 % of the burst after a short liquidation burst (z 48.8)',
    ]);
  });

  it('follows the continuation when the cascade score stays high and price keeps falling', () => {
    const out = feed([...BASELINE, LONG_BURST, barOf(7, 98, 0.04)], (t) =>
      t === 7 ? cascadeOf('L', 0.8) : undefined,
    );
    // Confidence: strength 1 × score 0.8.
    expect(only(out[7]!)).toEqual([
      'sell',
      0.8,
      'continuation: cascade score 0.80 after a long liquidation burst (z 48.8)',
    ]);
  });

  it('calls neither when the cascade warms up, price keeps extending, or the score is below the threshold', () => {
    // Share 0.04 > 0.025: not exhausted. Its z against bars 2–6 (μ 0.0116, σ 0.01922) is 1.48 < 2: no new burst.
    const warming = feed([...BASELINE, LONG_BURST, barOf(7, 98, 0.04)], () => cascadeOf('L', 0.9, true));
    expect(only(warming[7]!)[0]).toBe('hold');
    const low = feed([...BASELINE, LONG_BURST, barOf(7, 98, 0.04)], () => cascadeOf('L', 0.5));
    expect(only(low[7]!)).toEqual([
      'hold',
      0,
      'after the burst neither exhaustion nor a continuing cascade: no position',
    ]);
    // Liquidations dry up but price falls a further ln(99/97) = 2.0 % > 0.5 σ₁ (σ₁ of bars 2–6 ≈ 1.2 %).
    const extending = feed([...BASELINE, LONG_BURST, barOf(7, 97, 0.005)]);
    expect(only(extending[7]!)[0]).toBe('hold');
    // A rising cascade score with price going the other way is not a continuation either: it is a rebound.
    const against = feed([...BASELINE, LONG_BURST, barOf(7, 99.5, 0.005)], () => cascadeOf('L', 0.9));
    expect(only(against[7]!)[0]).toBe('buy');
  });

  it('watches a burst that continues into the next bar and decides on the bar after', () => {
    // Bar 7: share 0.2, z = (0.2 − 0.0116) / 0.01922 = 9.80 > 2, a new burst. Bar 8: share 0.01 ≤ 0.1 and price
    // up: rebound with confidence min(1, 9.80/4) × (1 − 0.01/0.2) = 0.95.
    const out = feed([...BASELINE, barOf(6, 99, 0.05, 1), barOf(7, 97, 0.2, 1), barOf(8, 97.1, 0.01)]);
    expect(only(out[7]!)[2]).toBe('liquidation burst: waiting one bar for rebound or continuation');
    expect(only(out[8]!).slice(0, 2)).toEqual(['buy', 0.95]);
  });

  it('gives no signal on instruments without liquidation data, abstaining when none has it', () => {
    const logic = liquidationFlow.create(PARAMS);
    expect(logic.evaluate(snapshotOf(0, [flatBar('SPX', 0, 5000)]))).toEqual({
      signals: [],
      abstain: 'no instrument with liquidation data and open interest',
    });
  });

  it('rejects bad parameters with a message for the trader', () => {
    const zero = LiquidationFlowParamsSchema.safeParse({ ...PARAMS, continuationScore: 0 });
    expect(zero.error!.issues[0]).toMatchObject({
      path: ['continuationScore'],
      message: 'continuationScore must be above 0 (0 would call every burst a continuation)',
    });
    const window = LiquidationFlowParamsSchema.safeParse({ ...PARAMS, baselineWindow: 1 });
    expect(window.error!.issues[0]).toMatchObject({
      path: ['baselineWindow'],
      message: 'expected a whole number ≥ 2',
    });
  });

  // The synthetic market's crypto bars (liquidations, open interest) with the engine's cascade detector.
  const market = createSyntheticMarket({ seed: 3, maxBars: 4000 });
  const slices = slicesOf(market);

  it('does not look ahead', () => {
    const params = { ...PARAMS, baselineWindow: 60, burstZ: 4 };
    const early: MarketSlice[] = slices.slice(0, 1500);
    expect(
      tradesByInstrument(decisionsOver(liquidationFlow, params, early, market.instruments)).size,
    ).toBeGreaterThan(0);
    assertNoLookAhead(liquidationFlow, params, early, scalePrices, market.instruments, 10);
  });

  it('on the synthetic market trades the crypto instruments only, with the cascade detector', () => {
    const settings = testSettings();
    const detector = new LiquidationCascadeDetector(
      cascadeOptionsFrom(settings.data, settings.risk.liquidationCascade.highRiskThreshold),
    );
    const logic = liquidationFlow.create(
      LiquidationFlowParamsSchema.parse({ ...PARAMS, baselineWindow: 120, burstZ: 4, holdBars: 10 }),
    );
    const latest = new Map<string, Bar>();
    const decisions: StrategyDecision[] = [];
    const reasons = new Set<string>();
    for (const slice of slices) {
      for (const bar of slice.bars) detector.update(bar);
      decisions.push(
        logic.evaluate(
          snapshotOf(slice.time, slice.bars, {
            previous: latest,
            instruments: market.instruments,
            cascade: (id) => detector.latest(id),
          }),
        ),
      );
      for (const bar of slice.bars) latest.set(bar.instrument, bar);
    }
    for (const d of decisions)
      for (const s of d.signals) if (s.action !== 'hold') reasons.add(s.reason.split(':')[0]!);
    const trades = tradesByInstrument(decisions);
    expect([...trades.keys()].every((id) => id.includes('-USD@'))).toBe(true);
    expect(trades.size).toBeGreaterThan(0);
    expect(reasons).toContain('rebound');
    for (const d of decisions) for (const s of d.signals) expect(s.instrument).toMatch(/-USD@/);
  });
});
