import { bench, describe } from 'vitest';
import { createStrategies, STRATEGY_DEFINITIONS } from '../../src-main/engine/strategies/registry';
import type { TrackedStrategy } from '../../src-main/engine/strategies/tracked-strategy';
import { onlyStrategies, testSettings } from '../helpers/settings';
import { repeatedSample, runStrategies } from './strategies-loop';

// Every registered strategy (20), as the engine runs them (each wrapped in its TrackedStrategy, default
// parameters), on ONE instrument's bar stream: the S&P 500 sample repeated 20 times = 102,100 bars (see
// strategies-loop.ts). The strategies that need other instruments (arbitrage, sector rotation, vix hedge,
// prediction markets) abstain on it, as they would. "harness only" is the loop's own cost.
// bars/s = hz × bars per op. Run: npx vitest bench --run tests/bench/strategies-all.bench.ts
// As shipped (one esbuild bundle): tests/bench/bundled/strategies.ts.
const COPIES = 20;
const OPTIONS = { time: 4000, warmupTime: 1000 };
const sample = repeatedSample(COPIES);
let sink = 0;

function runner(make: () => readonly TrackedStrategy[]): () => void {
  return () => {
    sink += runStrategies(make(), sample);
  };
}

const all = testSettings(onlyStrategies(STRATEGY_DEFINITIONS.map((d) => d.id)));
describe(`all ${STRATEGY_DEFINITIONS.length} strategies on one instrument (S&P 500 sample ×${COPIES}), ${sample.length} bars per op`, () => {
  bench(
    'harness only',
    runner(() => []),
    OPTIONS,
  );
  bench(
    `all ${STRATEGY_DEFINITIONS.length} strategies, tracked`,
    runner(() => createStrategies(all)),
    OPTIONS,
  );
});

// Keeps the sink observable.
export const benchSink = (): number => sink;
