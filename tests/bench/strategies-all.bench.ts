import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bench, describe } from 'vitest';
import type { MarketSnapshot } from '../../src-main/engine/ports';
import { createStrategies } from '../../src-main/engine/strategies/registry';
import type { TrackedStrategy } from '../../src-main/engine/strategies/tracked-strategy';
import type { Bar, InstrumentSpec } from '../../src-shared/domain/market';
import { onlyStrategies, testSettings } from '../helpers/settings';
import { STRATEGY_DEFINITIONS } from '../../src-main/engine/strategies/registry';

// Every registered strategy (20), as the engine runs them (each wrapped in its TrackedStrategy, default
// parameters), on ONE instrument's bar stream: the S&P 500 sample (resources/data/sp500-2000.csv, 5,105
// daily bars) repeated 20 times, each copy shifted one span later in time = 102,100 bars, fed as an
// equity-index instrument (`SP500`, the symbol vix-hedge looks for). The strategies that need other
// instruments (arbitrage, sector rotation, vix hedge, prediction markets) abstain on it, as they would.
// Each step builds its bar, slice and snapshot afresh, as the engine does; no normalised features or
// cascade data (those are the data stage's, not the strategies'). "harness only" is that cost alone.
// bars/s = hz × bars per op.
// Run: npx vitest bench --run tests/bench/strategies-all.bench.ts
const COPIES = 20;
const OPTIONS = { time: 4000, warmupTime: 1000 };

const SAMPLE = join(__dirname, '../../resources/data/sp500-2000.csv');
const rows = readFileSync(SAMPLE, 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => line.split(','));
const DAY = 86_400_000;
const firstTime = Date.parse(`${rows[0]![0]!}T21:00:00Z`);
const span = Date.parse(`${rows[rows.length - 1]![0]!}T21:00:00Z`) - firstTime + DAY;
const n = rows.length * COPIES;
const columns = [0, 1, 2, 3, 4, 5].map(() => new Float64Array(n));
const [times, opens, highs, lows, closes, volumes] = columns as [
  Float64Array,
  Float64Array,
  Float64Array,
  Float64Array,
  Float64Array,
  Float64Array,
];
for (let copy = 0; copy < COPIES; copy++)
  rows.forEach((row, i) => {
    const at = copy * rows.length + i;
    times[at] = Date.parse(`${row[0]!}T21:00:00Z`) + copy * span;
    opens[at] = Number(row[1]);
    highs[at] = Number(row[2]);
    lows[at] = Number(row[3]);
    closes[at] = Number(row[4]);
    volumes[at] = Number(row[6]);
  });

const ID = 'SP500@yahoo';
const SPEC: InstrumentSpec = {
  id: ID,
  symbol: 'SP500',
  venue: 'yahoo',
  assetClass: 'equity-index',
  lotSize: 1,
  tickSize: 0.01,
  makerFee: 0.0005,
  takerFee: 0.001,
};
const instruments = new Map([[ID, SPEC]]);
const none = () => undefined;
let sink = 0;

function runner(make: () => readonly TrackedStrategy[]): () => void {
  return () => {
    const strategies = make();
    const latest = new Map<string, Bar>();
    let signals = 0;
    for (let i = 0; i < n; i++) {
      const time = times[i]!;
      const bar: Bar = {
        instrument: ID,
        time,
        open: opens[i]!,
        high: highs[i]!,
        low: lows[i]!,
        close: closes[i]!,
        volume: volumes[i]!,
      };
      latest.set(ID, bar);
      const snapshot: MarketSnapshot = {
        time,
        slice: { time, bars: [bar] },
        latest,
        instruments,
        features: none,
        cascade: none,
      };
      for (const strategy of strategies) signals += strategy.onEvent(snapshot).signals.length;
    }
    sink += signals;
  };
}

const all = testSettings(onlyStrategies(STRATEGY_DEFINITIONS.map((d) => d.id)));
describe(`all ${STRATEGY_DEFINITIONS.length} strategies on one instrument (S&P 500 sample ×${COPIES}), ${n} bars per op`, () => {
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
