import { bench, describe } from 'vitest';
import type { InstrumentSpec, MarketSlice } from '../../src-shared/domain/market';
import type { MarketSnapshot } from '../../src-main/engine/ports';
import { BASE_B_STRATEGIES } from '../../src-main/engine/strategies/base-b';
import type { StrategyDefinition, StrategyLogic } from '../../src-main/engine/strategies/definition';
import { createSyntheticMarket } from '../../src-main/feeds/synthetic-market';
import { BASE_B_PARAM_DEFAULTS } from '../../src-shared/settings/sections/strategy-params/base-b';

// Throughput of the base-b strategies with their default parameters over a synthetic series. Each op runs
// fresh strategies over every step of the series, so bars/s = hz × bars in the series.
// Run: npx vitest bench --run tests/bench/strategies-base-b.bench.ts
const STEPS = 50_000;
const OPTIONS = { time: 3000, warmupTime: 500 };

const market = createSyntheticMarket({ seed: 3, maxBars: STEPS });
const all: MarketSlice[] = [];
for (let slice = market.next(); slice; slice = market.next()) all.push(slice);

/** Prebuilt snapshots of the series restricted to some instruments (the strategies' only input). */
function snapshots(ids: readonly string[]): { steps: MarketSnapshot[]; bars: number } {
  const wanted = new Set(ids);
  const instruments = new Map<string, InstrumentSpec>(
    market.instruments.filter((s) => wanted.has(s.id)).map((s) => [s.id, s]),
  );
  const latest = new Map<string, MarketSlice['bars'][number]>();
  let bars = 0;
  const steps = all.map((slice) => {
    const kept = { time: slice.time, bars: slice.bars.filter((b) => wanted.has(b.instrument)) };
    bars += kept.bars.length;
    return {
      time: slice.time,
      slice: kept,
      latest,
      instruments,
      features: () => undefined,
      cascade: () => undefined,
    };
  });
  return { steps, bars };
}

function create(definitions: readonly StrategyDefinition[]): StrategyLogic[] {
  const defaults = BASE_B_PARAM_DEFAULTS as Record<string, unknown>;
  return definitions.map((d) => d.create(d.params.parse(defaults[d.id])));
}

// Signals are counted into a sink so the work cannot be optimised away.
let sink = 0;

function runner(definitions: readonly StrategyDefinition[], steps: readonly MarketSnapshot[]): () => void {
  return () => {
    const logics = create(definitions);
    let signals = 0;
    for (const snapshot of steps) {
      for (const logic of logics) signals += logic.evaluate(snapshot).signals.length;
    }
    sink += signals;
  };
}

const single = snapshots(['BTC-USD@alpha']);
describe(`one instrument (BTC-USD@alpha), ${single.bars} bars per op`, () => {
  bench('all 7 base-b strategies', runner(BASE_B_STRATEGIES, single.steps), OPTIONS);
  for (const definition of BASE_B_STRATEGIES.slice(0, 5)) {
    bench(definition.id, runner([definition], single.steps), OPTIONS);
  }
});

const equities = snapshots(['SYN500', 'TECH', 'FIN', 'ENERGY', 'HEALTH', 'UTIL', 'SVIX']);
describe(`equity universe (index, 5 sectors, volatility index), ${equities.bars} bars per op`, () => {
  bench('all 7 base-b strategies', runner(BASE_B_STRATEGIES, equities.steps), OPTIONS);
  for (const definition of BASE_B_STRATEGIES.slice(5)) {
    bench(definition.id, runner([definition], equities.steps), OPTIONS);
  }
});

// Keeps the sink observable.
export const benchSink = (): number => sink;
