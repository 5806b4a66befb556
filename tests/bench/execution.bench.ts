import { bench, describe } from 'vitest';
import type { ExecutionConfig } from '../../src-main/engine/execution/config';
import { createExecutionEngine } from '../../src-main/engine/execution/create-execution-engine';
import { Rng } from '../../src-main/engine/rng';
import type { InstrumentSpec, MarketSlice } from '../../src-shared/domain/market';
import { EXECUTION_DEFAULTS } from '../../src-shared/settings/sections/execution';

// Execution cost per bar: onSlice with a few working orders on every bar. Each benchmark call runs
// BARS bars, so bars/s = hz × BARS (the figure reported to the lead). Run:
//   npx vitest bench --run tests/bench/execution.bench.ts

const BARS = 10_000;
/** Longer runs than the default 500 ms: steadier figures on a busy machine. */
const OPTIONS = { time: 2000, warmupTime: 500 };

function instruments(count: number): InstrumentSpec[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `I${i}`,
    symbol: `I${i}`,
    venue: 'alpha',
    assetClass: 'crypto',
    lotSize: 1,
    tickSize: 0.01,
    makerFee: 0.0002,
    takerFee: 0.001,
  }));
}

/** BARS bars spread over slices of `perSlice` instruments, from a seeded random walk. */
function slices(perSlice: number): MarketSlice[] {
  const rng = new Rng(99);
  const prices = new Float64Array(perSlice).fill(100);
  const result: MarketSlice[] = [];
  for (let t = 1; t <= BARS / perSlice; t++) {
    const time = t * 60_000;
    const bars = [];
    for (let i = 0; i < perSlice; i++) {
      const open = prices[i]!;
      const close = open * (1 + 0.002 * rng.normal());
      prices[i] = close;
      const high = Math.max(open, close) * (1 + 0.001 * rng.next());
      const low = Math.min(open, close) * (1 - 0.001 * rng.next());
      bars.push({ instrument: `I${i}`, time, open, high, low, close, volume: 1000 + 1000 * rng.next() });
    }
    result.push({ time, bars });
  }
  return result;
}

/**
 * One pass over the bars: three gtc limits rest far from the market on every instrument all along, and a
 * market ioc order is submitted on every instrument after every slice, so each bar works four orders and
 * fills one.
 */
function pass(config: ExecutionConfig, specs: InstrumentSpec[], data: MarketSlice[]): number {
  const engine = createExecutionEngine(config, specs, new Rng(1));
  for (const spec of specs)
    for (let k = 1; k <= 3; k++)
      engine.submit(
        {
          instrument: spec.id,
          side: k % 2 ? 'buy' : 'sell',
          qty: 10,
          type: 'limit',
          limitPrice: k % 2 ? 1 : 100_000,
          timeInForce: 'gtc',
          strategy: `rest${k}`,
          reason: 'bench',
        },
        0,
      );
  let filled = 0;
  for (const slice of data) {
    filled += engine.onSlice(slice).length;
    for (const spec of specs)
      engine.submit(
        {
          instrument: spec.id,
          side: slice.time % 120_000 ? 'buy' : 'sell',
          qty: 5,
          type: 'market',
          timeInForce: 'ioc',
          strategy: 'bench',
          reason: 'bench',
        },
        slice.time,
      );
  }
  return filled;
}

for (const mode of ['bar', 'book'] as const) {
  const config: ExecutionConfig = { ...EXECUTION_DEFAULTS, mode };
  describe(`execution onSlice, ${mode} level (${BARS} bars per call)`, () => {
    const one = instruments(1);
    const oneData = slices(1);
    bench(
      `${mode}: 1 instrument per slice, 4 working orders per bar`,
      () => {
        pass(config, one, oneData);
      },
      OPTIONS,
    );
    const twenty = instruments(20);
    const twentyData = slices(20);
    bench(
      `${mode}: 20 instruments per slice, 4 working orders per bar`,
      () => {
        pass(config, twenty, twentyData);
      },
      OPTIONS,
    );
  });
}
