import { bench, describe } from 'vitest';
import type { Bar, InstrumentSpec, MarketSlice } from '../../src-shared/domain/market';
import type { MarketSnapshot } from '../../src-main/engine/ports';
import { BASE_B_STRATEGIES } from '../../src-main/engine/strategies/base-b';
import type { StrategyDefinition, StrategyLogic } from '../../src-main/engine/strategies/definition';
import { createSyntheticMarket } from '../../src-main/feeds/synthetic-market';
import { BASE_B_PARAM_DEFAULTS } from '../../src-shared/settings/sections/strategy-params/base-b';

// Throughput of the base-b strategies with their default parameters over a synthetic series. Each op runs
// fresh strategies over the whole series: bars/s = hz × bars per op. The series is kept in typed arrays
// and each step builds its bars and snapshot afresh, as the engine does (a prebuilt array of 50 000
// snapshots would mostly measure cache misses on reading them back); "harness only" is that cost alone.
// Run: npx vitest bench --run tests/bench/strategies-base-b.bench.ts
const STEPS = 50_000;
const OPTIONS = { time: 3000, warmupTime: 500 };

const market = createSyntheticMarket({ seed: 3, maxBars: STEPS });
const slices: MarketSlice[] = [];
for (let slice = market.next(); slice; slice = market.next()) slices.push(slice);

interface Series {
  ids: string[];
  instruments: Map<string, InstrumentSpec>;
  /** Per instrument: open, high, low, close, volume of every step (the instruments trade every step). */
  columns: Float64Array[][];
  times: Float64Array;
}

function seriesOf(ids: string[]): Series {
  const columns = ids.map(() => [0, 1, 2, 3, 4].map(() => new Float64Array(slices.length)));
  const times = new Float64Array(slices.length);
  slices.forEach((slice, step) => {
    times[step] = slice.time;
    for (const bar of slice.bars) {
      const at = ids.indexOf(bar.instrument);
      if (at < 0) continue;
      const [open, high, low, close, volume] = columns[at]!;
      open![step] = bar.open;
      high![step] = bar.high;
      low![step] = bar.low;
      close![step] = bar.close;
      volume![step] = bar.volume;
    }
  });
  const instruments = new Map(market.instruments.filter((s) => ids.includes(s.id)).map((s) => [s.id, s]));
  return { ids, instruments, columns, times };
}

function create(definitions: readonly StrategyDefinition[]): StrategyLogic[] {
  const defaults = BASE_B_PARAM_DEFAULTS as Record<string, unknown>;
  return definitions.map((d) => d.create(d.params.parse(defaults[d.id])));
}

// Signals are counted into a sink so the work cannot be optimised away.
let sink = 0;
const none = () => undefined;

function runner(definitions: readonly StrategyDefinition[], series: Series): () => void {
  return () => {
    const logics = create(definitions);
    const latest = new Map<string, Bar>();
    let signals = 0;
    for (let step = 0; step < series.times.length; step++) {
      const time = series.times[step]!;
      const bars: Bar[] = [];
      series.ids.forEach((instrument, i) => {
        const [open, high, low, close, volume] = series.columns[i]!;
        bars.push({
          instrument,
          time,
          open: open![step]!,
          high: high![step]!,
          low: low![step]!,
          close: close![step]!,
          volume: volume![step]!,
        });
      });
      const snapshot: MarketSnapshot = {
        time,
        slice: { time, bars },
        latest,
        instruments: series.instruments,
        features: none,
        cascade: none,
      };
      for (const logic of logics) signals += logic.evaluate(snapshot).signals.length;
    }
    sink += signals;
  };
}

const single = seriesOf(['BTC-USD@alpha']);
describe(`one instrument (BTC-USD@alpha), ${STEPS} bars per op`, () => {
  bench('harness only', runner([], single), OPTIONS);
  bench('all 7 base-b strategies', runner(BASE_B_STRATEGIES, single), OPTIONS);
  for (const definition of BASE_B_STRATEGIES.slice(0, 5)) {
    bench(definition.id, runner([definition], single), OPTIONS);
  }
});

const equityIds = ['SYN500', 'TECH', 'FIN', 'ENERGY', 'HEALTH', 'UTIL', 'SVIX'];
const equities = seriesOf(equityIds);
describe(`equity universe (index, 5 sectors, volatility index), ${STEPS * equityIds.length} bars per op`, () => {
  bench('harness only', runner([], equities), OPTIONS);
  bench('all 7 base-b strategies', runner(BASE_B_STRATEGIES, equities), OPTIONS);
  for (const definition of BASE_B_STRATEGIES.slice(5)) {
    bench(definition.id, runner([definition], equities), OPTIONS);
  }
});

// Keeps the sink observable.
export const benchSink = (): number => sink;
