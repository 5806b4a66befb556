import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MarketSnapshot } from '../../src-main/engine/ports';
import type { TrackedStrategy } from '../../src-main/engine/strategies/tracked-strategy';
import type { Bar, InstrumentSpec } from '../../src-shared/domain/market';

// The input and loop of strategies-all.bench.ts, shared with its bundled twin (bundled/strategies.ts): the
// S&P 500 sample (resources/data/sp500-2000.csv, 5,105 daily bars) repeated `copies` times, each copy
// shifted one span later in time, fed as one equity-index instrument (`SP500`, the symbol vix-hedge looks
// for). Each step builds its bar, slice and snapshot afresh, as the engine does; no normalised features or
// cascade data (those are the data stage's, not the strategies').

/** The columns of the repeated sample: times, opens, highs, lows, closes, volumes. */
export interface SampleColumns {
  readonly length: number;
  readonly times: Float64Array;
  readonly opens: Float64Array;
  readonly highs: Float64Array;
  readonly lows: Float64Array;
  readonly closes: Float64Array;
  readonly volumes: Float64Array;
}

const DAY_MS = 86_400_000;
export const SAMPLE_ID = 'SP500@yahoo';
const SPEC: InstrumentSpec = {
  id: SAMPLE_ID,
  symbol: 'SP500',
  venue: 'yahoo',
  assetClass: 'equity-index',
  lotSize: 1,
  tickSize: 0.01,
  makerFee: 0.0005,
  takerFee: 0.001,
};

/** The S&P 500 sample repeated `copies` times, each copy one span later. */
export function repeatedSample(copies: number): SampleColumns {
  // From the repository root (vitest and the bundled script both run there).
  const file = join(process.cwd(), 'resources', 'data', 'sp500-2000.csv');
  const rows = readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(','));
  const firstTime = Date.parse(`${rows[0]![0]!}T21:00:00Z`);
  const span = Date.parse(`${rows[rows.length - 1]![0]!}T21:00:00Z`) - firstTime + DAY_MS;
  const length = rows.length * copies;
  const columns = {
    length,
    times: new Float64Array(length),
    opens: new Float64Array(length),
    highs: new Float64Array(length),
    lows: new Float64Array(length),
    closes: new Float64Array(length),
    volumes: new Float64Array(length),
  };
  for (let copy = 0; copy < copies; copy++)
    rows.forEach((row, i) => {
      const at = copy * rows.length + i;
      columns.times[at] = Date.parse(`${row[0]!}T21:00:00Z`) + copy * span;
      columns.opens[at] = Number(row[1]);
      columns.highs[at] = Number(row[2]);
      columns.lows[at] = Number(row[3]);
      columns.closes[at] = Number(row[4]);
      columns.volumes[at] = Number(row[6]);
    });
  return columns;
}

const instruments = new Map([[SAMPLE_ID, SPEC]]);
const none = () => undefined;

/** Feeds every bar of `sample` to every strategy, bar by bar as the engine does; returns the signal count. */
export function runStrategies(strategies: readonly TrackedStrategy[], sample: SampleColumns): number {
  const { times, opens, highs, lows, closes, volumes } = sample;
  const latest = new Map<string, Bar>();
  let signals = 0;
  for (let i = 0; i < sample.length; i++) {
    const time = times[i]!;
    const bar: Bar = {
      instrument: SAMPLE_ID,
      time,
      open: opens[i]!,
      high: highs[i]!,
      low: lows[i]!,
      close: closes[i]!,
      volume: volumes[i]!,
    };
    latest.set(SAMPLE_ID, bar);
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
  return signals;
}
