import { bench, describe } from 'vitest';
import type { MarketSnapshot } from '../../src-main/engine/ports';
import { BASE_A_STRATEGIES } from '../../src-main/engine/strategies/base-a';
import type { StrategyLogic } from '../../src-main/engine/strategies/definition';
import { createSyntheticMarket } from '../../src-main/feeds/synthetic-market';
import type { Bar, InstrumentSpec, MarketSlice } from '../../src-shared/domain/market';
import { SyntheticFeed } from '../helpers/single-instrument-feed';
import { documentedDefaults } from '../engine/strategies/base-a-fixtures';

// Group-A strategies with their documented defaults, fed one slice at a time through one reused snapshot
// (building snapshots is the engine's cost, not the strategies'). Each op runs fresh instances over the
// whole series (warm-up included), so bars/s = ops/s × bars in the series.
// 1. The six per-instrument strategies over one crypto instrument: 200,000 one-minute GBM bars.
// 2. All seven over the pair BANK-A / BANK-B of the synthetic market: 100,000 slices, 200,000 bars.

const defaults = documentedDefaults();

function logicsOf(ids: readonly string[]): StrategyLogic[] {
  return BASE_A_STRATEGIES.filter((d) => ids.includes(d.id)).map((d) =>
    d.create(d.params.parse(defaults[d.id])),
  );
}

function snapshotFor(instruments: readonly InstrumentSpec[]): MarketSnapshot & { slice: MarketSlice } {
  return {
    time: 0,
    slice: { time: 0, bars: [] },
    latest: new Map<string, Bar>(),
    instruments: new Map(instruments.map((s) => [s.id, s])),
    features: () => undefined,
    cascade: () => undefined,
  };
}

function run(
  logics: readonly StrategyLogic[],
  slices: readonly MarketSlice[],
  instruments: readonly InstrumentSpec[],
) {
  const snapshot = snapshotFor(instruments);
  let signals = 0;
  for (const slice of slices) {
    snapshot.time = slice.time;
    snapshot.slice = slice;
    for (const logic of logics) signals += logic.evaluate(snapshot).signals.length;
  }
  return signals;
}

const single = new SyntheticFeed({
  seed: 3,
  instrument: 'BTC-USD',
  startTime: Date.UTC(2024, 0, 1),
  barIntervalMs: 60_000,
  initialPrice: 60_000,
  annualDrift: 0,
  annualVolatility: 0.6,
  maxBars: 200_000,
});
const singleSlices: MarketSlice[] = [];
for (let s = single.next(); s; s = single.next()) singleSlices.push(s);
const perInstrument = BASE_A_STRATEGIES.map((d) => d.id).filter((id) => id !== 'statistical-arbitrage');

const market = createSyntheticMarket({ seed: 3, maxBars: 100_000 });
const pairSlices: MarketSlice[] = [];
for (let s = market.next(); s; s = market.next()) {
  pairSlices.push({
    time: s.time,
    bars: s.bars.filter((b) => b.instrument === 'BANK-A' || b.instrument === 'BANK-B'),
  });
}
const pairBars = pairSlices.reduce((n, s) => n + s.bars.length, 0);
const allIds = BASE_A_STRATEGIES.map((d) => d.id);

describe('group-A strategies', () => {
  bench(`6 per-instrument strategies, 1 instrument, ${singleSlices.length} bars`, () => {
    run(logicsOf(perInstrument), singleSlices, single.instruments);
  });
  for (const id of allIds.filter((i) => i !== 'statistical-arbitrage')) {
    bench(`${id} alone, 1 instrument, ${singleSlices.length} bars`, () => {
      run(logicsOf([id]), singleSlices, single.instruments);
    });
  }
  bench(`all 7 strategies, BANK-A + BANK-B, ${pairBars} bars`, () => {
    run(logicsOf(allIds), pairSlices, market.instruments);
  });
});
