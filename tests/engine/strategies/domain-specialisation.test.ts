import { describe, expect, it } from 'vitest';
import type { StrategyDecision } from '../../../src-main/engine/ports';
import { domainSpecialisation } from '../../../src-main/engine/strategies/domain-specialisation';
import { createSyntheticMarket } from '../../../src-main/feeds/synthetic-market';
import type { Bar, MarketSlice } from '../../../src-shared/domain/market';
import { DomainSpecialisationParamsSchema } from '../../../src-shared/settings/sections/strategy-params/advanced';
import { assertNoLookAhead, decisionsOver, scalePrices } from '../../helpers/no-look-ahead';
import { flatBar } from '../../helpers/snapshot';
import { contractSpec, slicesOf, tradesByInstrument } from './advanced-fixtures';

const SPORTS = { domain: 'sports', baseRate: 0.5, priorWeight: 0, extremizing: 1.1 };
const PARAMS = { enabled: true, smoothingBars: 3, margin: 0.02, domains: [SPORTS] };
const RESOLUTION = 1_000_000;
const SPECS = [contractSpec('S', 'sports', RESOLUTION), contractSpec('W', 'weather', RESOLUTION)];

/** Closes of contract S, one slice each (times 0, 1, …), plus optional extra bars per slice. */
function run(closes: number[], params: unknown = PARAMS, extra: (t: number) => Bar[] = () => []) {
  const slices: MarketSlice[] = closes.map((close, t) => ({
    time: t,
    bars: [flatBar('S', t, close), ...extra(t)],
  }));
  return decisionsOver(domainSpecialisation, params, slices, SPECS);
}

const only = (d: StrategyDecision) => {
  const s = d.signals[0]!;
  return [s.action, Number(s.confidence.toFixed(10))];
};

describe('domain specialisation', () => {
  it('abstains while the EMA warms up, then buys a favourite priced below its extremized estimate', () => {
    const out = run([0.8, 0.8, 0.8]);
    expect(out[0]).toEqual({ signals: [], abstain: 'warming up: S needs 3 bars' });
    expect(out[1]!.abstain).toBe('warming up: S needs 3 bars');
    // s = logit 0.8 = 1.386294; e = σ(1.1 × 1.386294) = 0.8212624; edge 0.0212624 > 0.02;
    // confidence 0.0212624 / 0.04 = 0.5315598.
    expect(only(out[2]!)).toEqual(['buy', 0.5315597694]);
    expect(out[2]!.signals[0]!.reason).toBe('sports: estimate 0.821 vs price 0.800, beyond the 0.02 margin');
  });

  it('sells a long shot priced above its estimate and holds at even odds', () => {
    // Symmetric: e = 1 − 0.8212624 = 0.1787376 for a price of 0.2, edge −0.0212624.
    expect(only(run([0.2, 0.2, 0.2])[2]!)).toEqual(['sell', 0.5315597694]);
    const even = run([0.5, 0.5, 0.5])[2]!;
    expect(even.signals[0]).toMatchObject({
      action: 'hold',
      confidence: 0,
      reason: 'sports: estimate within the margin of the price',
    });
  });

  it('pulls the estimate toward the domain base rate by its prior weight', () => {
    const params = {
      ...PARAMS,
      domains: [{ domain: 'sports', baseRate: 0.7, priorWeight: 0.5, extremizing: 1 }],
    };
    // e = σ(0.5 × 1 × 0 + 0.5 × logit 0.7) = σ(0.4236489) = 0.6043561: edge 0.104 > 0.04, confidence 1.
    const out = run([0.5, 0.5, 0.5], params);
    expect(only(out[2]!)).toEqual(['buy', 1]);
    expect(out[2]!.signals[0]!.reason).toMatch(/^sports: estimate 0\.604 vs price 0\.500/);
  });

  it('smooths the price: a jump is traded against until the EMA catches up', () => {
    // EMA(3), k = 0.5: seed 0 (three closes of 0.5), then 0 + 0.5 × (1.386294 − 0) = 0.693147;
    // e = σ(1.1 × 0.693147) = 0.681888 vs 0.8: edge −0.118 → sell at confidence 1.
    const out = run([0.5, 0.5, 0.5, 0.8]);
    expect(only(out[3]!)).toEqual(['sell', 1]);
    expect(out[3]!.signals[0]!.reason).toMatch(/^sports: estimate 0\.682 vs price 0\.800/);
  });

  it('ignores other domains and instruments, settlement bars and bars at resolution', () => {
    const other = run([0.8, 0.8, 0.8], PARAMS, (t) => [flatBar('W', t, 0.8), flatBar('BTC', t, 0.8)]);
    expect(other[2]!.signals.map((s) => s.instrument)).toEqual(['S']);
    const onlyWeather = decisionsOver(
      domainSpecialisation,
      PARAMS,
      [{ time: 0, bars: [flatBar('W', 0, 0.8)] }],
      SPECS,
    );
    expect(onlyWeather[0]).toEqual({ signals: [], abstain: 'no contract of its domains in this slice' });
    // A settlement bar (price 1, settlement 1) is never traded.
    const slices: MarketSlice[] = [0.8, 0.8, 0.8].map((c, t) => ({ time: t, bars: [flatBar('S', t, c)] }));
    slices.push({ time: 3, bars: [{ ...flatBar('S', 3, 1), settlement: 1 }] });
    const out = decisionsOver(domainSpecialisation, PARAMS, slices, SPECS);
    expect(out[2]!.signals[0]!.action).toBe('buy');
    expect(out[3]).toEqual({ signals: [], abstain: 'no contract of its domains in this slice' });
    // A contract resolving at time 2: its bars at times 2 and 3 are not traded.
    const late = [contractSpec('S', 'sports', 2)];
    const atResolution = decisionsOver(
      domainSpecialisation,
      PARAMS,
      [0, 1, 2, 3].map((t) => ({ time: t, bars: [flatBar('S', t, 0.8)] })),
      late,
    );
    expect(atResolution[2]).toEqual({ signals: [], abstain: 'no contract of its domains in this slice' });
  });

  it('rejects bad parameters with a message for the trader', () => {
    const twice = DomainSpecialisationParamsSchema.safeParse({ ...PARAMS, domains: [SPORTS, SPORTS] });
    expect(twice.error!.issues[0]).toMatchObject({
      path: ['domains', 1, 'domain'],
      message: 'sports appears twice',
    });
    const base = DomainSpecialisationParamsSchema.safeParse({
      ...PARAMS,
      domains: [{ ...SPORTS, baseRate: 1 }],
    });
    expect(base.error!.issues[0]).toMatchObject({
      path: ['domains', 0, 'baseRate'],
      message: 'expected a probability between 0 and 1 (both excluded)',
    });
    const margin = DomainSpecialisationParamsSchema.safeParse({ ...PARAMS, margin: 0 });
    expect(margin.error!.issues[0]).toMatchObject({
      path: ['margin'],
      message: 'expected a number above 0 and below 1',
    });
  });

  it('does not look ahead', () => {
    const closes = Array.from({ length: 120 }, (_, t) => 0.5 + 0.4 * Math.sin(t / 7));
    const slices: MarketSlice[] = closes.map((c, t) => ({ time: t, bars: [flatBar('S', t, c)] }));
    expect(
      tradesByInstrument(decisionsOver(domainSpecialisation, PARAMS, slices, SPECS)).get('S'),
    ).toBeGreaterThan(0);
    assertNoLookAhead(domainSpecialisation, PARAMS, slices, scalePrices, SPECS);
  });

  it('on the synthetic market trades the configured domains only', () => {
    const market = createSyntheticMarket({ seed: 4, maxBars: 3000 });
    const params = {
      enabled: true,
      smoothingBars: 10,
      margin: 0.02,
      domains: [
        { domain: 'sports', baseRate: 0.5, priorWeight: 0.05, extremizing: 1.2 },
        { domain: 'weather', baseRate: 0.5, priorWeight: 0.05, extremizing: 1.25 },
      ],
    };
    const decisions = decisionsOver(domainSpecialisation, params, slicesOf(market), market.instruments);
    const trades = tradesByInstrument(decisions);
    const prefixes = new Set([...trades.keys()].map((id) => id.slice(0, 3)));
    expect(prefixes).toEqual(new Set(['SPT', 'WTH']));
    for (const d of decisions) for (const s of d.signals) expect(s.instrument).toMatch(/^(SPT|WTH)-/);
    const actions = new Set(decisions.flatMap((d) => d.signals.map((s) => s.action)));
    expect(actions).toEqual(new Set(['buy', 'sell', 'hold']));
  });
});
