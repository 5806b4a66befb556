import { bench, describe } from 'vitest';
import { createSyntheticMarket } from '../../src-main/feeds/synthetic-market';

// Throughput of the synthetic market run as fast as possible (a backtest's feed). One iteration pulls
// SLICES slices from a long-running market; bars/s = hz × SLICES × bars per slice (17 with the default
// universe: 4 crypto, index, 5 sectors, 2 pair legs, volatility index, 4 prediction contracts).
const SLICES = 2_000;
// Enough iterations for a stable figure on a busy two-core machine.
const OPTIONS = { time: 3000, warmupTime: 500 };

function pull(market: ReturnType<typeof createSyntheticMarket>): number {
  let bars = 0;
  for (let i = 0; i < SLICES; i++) bars += market.next()!.bars.length;
  return bars;
}

describe('synthetic market', () => {
  const markov = createSyntheticMarket({ seed: 1 });
  bench(
    `default universe, markov: ${SLICES} slices = ${SLICES * 17} bars`,
    () => {
      pull(markov);
    },
    OPTIONS,
  );

  const crash = createSyntheticMarket({ seed: 1, scenario: 'crash' });
  bench(
    `default universe, crash: ${SLICES} slices = ${SLICES * 17} bars`,
    () => {
      pull(crash);
    },
    OPTIONS,
  );

  const coarse = createSyntheticMarket({ seed: 1, stepsPerBar: 1 });
  bench(
    `default universe, 1 sub-step per bar: ${SLICES} slices = ${SLICES * 17} bars`,
    () => {
      pull(coarse);
    },
    OPTIONS,
  );
});
