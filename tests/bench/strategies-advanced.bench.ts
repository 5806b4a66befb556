import { bench, describe } from 'vitest';
import type { MarketSnapshot } from '../../src-main/engine/ports';
import { ADVANCED_STRATEGIES } from '../../src-main/engine/strategies/advanced';
import type { StrategyLogic } from '../../src-main/engine/strategies/definition';
import { createSyntheticMarket } from '../../src-main/feeds/synthetic-market';
import type { Bar, InstrumentSpec, MarketSlice } from '../../src-shared/domain/market';
import { ADVANCED_PARAM_SCHEMAS } from '../../src-shared/settings/sections/strategy-params/advanced';

// The five advanced strategies together, with their default parameters (liquidity provision configured
// on the instrument benchmarked), fed a prebuilt series through one mutable snapshot (what the engine's
// loop does), so the figure is the strategies' own cost.
// - single instrument: BTC-USD@alpha of the synthetic market (seed 1), 200,000 bars with liquidations and
//   open interest; liquidation flow and liquidity provision work on every bar, the others find nothing
//   to do for it (cross-exchange arbitrage has no second venue).
// - universe: every instrument of the synthetic market (4 crypto, index, 5 sectors, pair, volatility
//   index, 4 prediction contracts: 17 bars a slice), 20,000 slices = 340,000 bars.
// Measured: bars per second = bars per run × runs per second (hz in the table).

const DEFAULTS = {
  'cross-exchange-arbitrage': {
    enabled: true,
    slippagePerLeg: 0.0002,
    margin: 0.0005,
    exitSpread: 0.0005,
    staleLegSteps: 5,
  },
  'liquidation-flow': {
    enabled: true,
    baselineWindow: 120,
    burstZ: 4,
    exhaustionRatio: 0.5,
    stabiliseSigmas: 0.5,
    continuationScore: 0.6,
    holdBars: 10,
  },
  'high-probability-bonds': {
    enabled: true,
    minPrice: 0.95,
    minAnnualYield: 0.2,
    failureBudget: 0.02,
    fullConfidenceHours: 24,
  },
  'liquidity-provision': {
    enabled: true,
    instruments: ['BTC-USD@alpha', 'ETH-USD@alpha'],
    minEdge: 0.0005,
    volatilityMultiple: 1,
    volatilityWindow: 60,
    imbalanceWindow: 20,
    inventorySkew: 0.0002,
    confidence: 0.5,
  },
  'domain-specialisation': {
    enabled: true,
    smoothingBars: 10,
    margin: 0.02,
    domains: [
      { domain: 'sports', baseRate: 0.5, priorWeight: 0.05, extremizing: 1.2 },
      { domain: 'weather', baseRate: 0.5, priorWeight: 0.05, extremizing: 1.25 },
    ],
  },
};

function logics(): StrategyLogic[] {
  return ADVANCED_STRATEGIES.map((d) =>
    d.create(
      ADVANCED_PARAM_SCHEMAS[d.id as keyof typeof ADVANCED_PARAM_SCHEMAS].parse(
        DEFAULTS[d.id as keyof typeof DEFAULTS],
      ),
    ),
  );
}

function series(
  maxBars: number,
  only: string | null,
): { slices: MarketSlice[]; instruments: InstrumentSpec[] } {
  const market = createSyntheticMarket({ seed: 1, maxBars });
  const slices: MarketSlice[] = [];
  for (let slice = market.next(); slice; slice = market.next())
    slices.push(
      only === null ? slice : { time: slice.time, bars: slice.bars.filter((b) => b.instrument === only) },
    );
  return { slices, instruments: [...market.instruments] };
}

/** Runs fresh strategies over the slices through one snapshot updated in place; returns the bars fed. */
function run(slices: readonly MarketSlice[], instruments: readonly InstrumentSpec[]): number {
  const strategies = logics();
  const latest = new Map<string, Bar>();
  const snapshot: MarketSnapshot = {
    time: 0,
    slice: slices[0]!,
    latest,
    instruments: new Map(instruments.map((s) => [s.id, s])),
    features: () => undefined,
    cascade: () => undefined,
  };
  let bars = 0;
  for (const slice of slices) {
    snapshot.time = slice.time;
    snapshot.slice = slice;
    for (const bar of slice.bars) latest.set(bar.instrument, bar);
    for (const s of strategies) s.evaluate(snapshot);
    bars += slice.bars.length;
  }
  return bars;
}

const single = series(200_000, 'BTC-USD@alpha');
const universe = series(20_000, null);
const count = (s: { slices: MarketSlice[] }) => s.slices.reduce((n, x) => n + x.bars.length, 0);
const grouped = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

describe('advanced strategies (5 together, defaults)', () => {
  bench(`single instrument: ${grouped(count(single))} bars of BTC-USD@alpha`, () => {
    run(single.slices, single.instruments);
  });
  bench(`universe: ${grouped(count(universe))} bars (${grouped(universe.slices.length)} slices)`, () => {
    run(universe.slices, universe.instruments);
  });
});
