import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, bench, describe } from 'vitest';
import { runSmaCross, type SmaCrossParams } from '../../src-main/backtest/classic-sma';
import { readBarColumns } from '../../src-main/backtest/csv-columns';
import { ALL_TIME, type PipelineOptions } from '../../src-main/backtest/options';
import { runBacktest } from '../../src-main/backtest/run-backtest';
import { runPipeline } from '../../src-main/backtest/run-pipeline';
import { Sma } from '../../src-main/engine/indicators/sma';
import { testSettings } from '../helpers/settings';
import { recordedSource } from './replay-feed';

// Inputs (say which, as the issue asks):
// - Daily CSV: the S&P 500 sample (5,105 daily bars) repeated with dates shifted by 21 years per copy
//   (29 February left out in the shifted years that are not leap years), as in data.bench.ts: ×200 =
//   1,020,394 rows, ~83 MB. (Twice that does not fit: dates stop at year 9999.)
// - Minute CSV, for time against size: the sample's rows repeated, stamped one minute apart from
//   2000-01-01 00:01 UTC (`YYYY-MM-DD HH:MM`), 1,000,000 and 2,000,000 rows.
// - The classic core runs on the ×200 file's columns, read once into memory.
// - The full pipeline runs on the synthetic market (17 instruments per step with the default settings)
//   with every registered strategy enabled, in memory (no disk). Two groups: "full pipeline" times
//   runBacktest with the synthetic feed generating the market as it goes; "validation through execution"
//   replays the same market generated beforehand (tests/bench/replay-feed.ts), so the feed is not timed.
// End to end = a new `node dist/main/cli.cjs backtest … --json` process, from its start to the JSON read
// from its stdout (dist/ must be built: `npm run build`). Its peak RSS is read in the child itself with
// process.resourceUsage().maxRSS and printed once, before the benchmarks run.

const SAMPLE = join(__dirname, '../../resources/data/sp500-2000.csv');
const CLI = join(__dirname, '../../dist/main/cli.cjs');
const dir = mkdtempSync(join(tmpdir(), 'botv2-backtest-bench-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const isLeap = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
const grouped = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

function repeatedSample(copies: number): { file: string; rows: number } {
  const lines = readFileSync(SAMPLE, 'utf8').trim().split('\n');
  const parts: string[] = [lines[0]!];
  for (let copy = 0; copy < copies; copy++) {
    for (const row of lines.slice(1)) {
      const year = Number(row.slice(0, 4)) + copy * 21;
      if (row.slice(5, 10) === '02-29' && !isLeap(year)) continue;
      parts.push(`${year}${row.slice(4)}`);
    }
  }
  const file = join(dir, `sp500-x${copies}.csv`);
  writeFileSync(file, `${parts.join('\n')}\n`);
  return { file, rows: parts.length - 1 };
}

/** The sample's rows (without their dates) `rows` times over, one minute apart. */
function minuteSample(rows: number): { file: string; rows: number } {
  const values = readFileSync(SAMPLE, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((row) => row.slice(row.indexOf(',')));
  const start = Date.UTC(2000, 0, 1);
  const parts: string[] = ['date,open,high,low,close,adjclose,volume'];
  for (let i = 0; i < rows; i++) {
    const stamp = new Date(start + (i + 1) * 60_000).toISOString();
    parts.push(`${stamp.slice(0, 10)} ${stamp.slice(11, 16)}${values[i % values.length]!}`);
  }
  const file = join(dir, `sp500-minutes-${rows}.csv`);
  writeFileSync(file, `${parts.join('\n')}\n`);
  return { file, rows };
}

const x200 = repeatedSample(200);
const minutes1m = minuteSample(1_000_000);
const minutes2m = minuteSample(2_000_000);
const columns = readBarColumns(x200.file, ALL_TIME);
const PARAMS: SmaCrossParams = {
  fast: 10,
  slow: 30,
  size: 10,
  commission: 0.001,
  slippage: 0,
  cash: 100_000,
};
const equity = new Float64Array(columns.length);

/** The classic rule with the indicator classes, to measure what a class per SMA costs. */
function smaCrossWithClasses(opens: Float64Array, closes: Float64Array, p: SmaCrossParams): number {
  const fast = new Sma(p.fast);
  const slow = new Sma(p.slow);
  let cash = p.cash;
  let position = 0;
  let pending = 0;
  let previous = Number.NaN;
  for (let i = 0; i < closes.length; i++) {
    if (pending > 0) {
      const cost = p.size * opens[i]! * (1 + p.commission);
      if (cost <= cash) {
        cash -= cost;
        position = p.size;
      }
    } else if (pending < 0) {
      cash += position * opens[i]! * (1 - p.commission);
      position = 0;
    }
    pending = 0;
    const f = fast.update(closes[i]!);
    const s = slow.update(closes[i]!);
    if (slow.ready) {
      const diff = f - s;
      if (position === 0 && diff > 0 && previous <= 0) pending = 1;
      else if (position > 0 && diff < 0 && previous >= 0) pending = -1;
      previous = diff;
    }
    equity[i] = cash + position * closes[i]!;
  }
  return cash;
}

/** Preloaded in the child: prints its peak RSS (kB) to stderr at exit. */
const RSS_HOOK = join(dir, 'rss-hook.cjs');
writeFileSync(
  RSS_HOOK,
  'process.on("exit",()=>require("fs").writeSync(2,"maxrss "+process.resourceUsage().maxRSS+"\\n"))',
);

/** Runs the CLI once; returns its stdout length and the child's peak RSS (MB). */
function cli(file: string): { bytes: number; rssMb: number } {
  const run = spawnSync(
    process.execPath,
    [
      '-r',
      RSS_HOOK,
      CLI,
      'backtest',
      '--data-dir',
      dir,
      '--data',
      file,
      ...'--strategy sma-cross --fast 10 --slow 30 --size 10 --commission 0.001 --json'.split(' '),
    ],
    { encoding: 'utf8', maxBuffer: 256 << 20 },
  );
  if (run.status !== 0) throw new Error(`botv2 backtest failed: ${run.stderr}`);
  const rss = /maxrss (\d+)/.exec(run.stderr);
  return { bytes: run.stdout.length, rssMb: rss ? Number(rss[1]) / 1024 : Number.NaN };
}
console.log(
  `peak RSS of botv2 backtest --strategy sma-cross: ${[x200, minutes1m, minutes2m]
    .map((input) => `${cli(input.file).rssMb.toFixed(0)} MB for ${grouped(input.rows)} rows`)
    .join(', ')}`,
);

const SETTINGS = testSettings();
function synthetic(bars: number): PipelineOptions {
  return {
    mode: 'pipeline',
    source: { feed: 'synthetic', seed: 1, scenario: 'markov', bars },
    range: ALL_TIME,
    strategies: 'all',
    seed: 1,
    cash: null,
    settings: SETTINGS,
  };
}
const instrumentsPerStep = runBacktest(synthetic(1)).bars;

describe('backtest: classic SMA crossover in the engine (typed arrays, one core)', () => {
  bench(
    `runSmaCross over ${grouped(columns.length)} bars (sample ×200), running sums inline`,
    () => {
      runSmaCross(columns.opens, columns.closes, PARAMS, equity);
    },
    { iterations: 30, time: 0, warmupIterations: 5 },
  );
  bench(
    `the same rule with two Sma indicator objects over ${grouped(columns.length)} bars`,
    () => {
      smaCrossWithClasses(columns.opens, columns.closes, PARAMS);
    },
    { iterations: 30, time: 0, warmupIterations: 5 },
  );
});

describe('backtest: classic end to end, process start to JSON', () => {
  bench(
    `botv2 backtest --strategy sma-cross --json over ${grouped(x200.rows)} rows (83 MB)`,
    () => {
      cli(x200.file);
    },
    { iterations: 5, time: 0, warmupIterations: 1 },
  );
  for (const input of [minutes1m, minutes2m])
    bench(
      `botv2 backtest --strategy sma-cross --json over ${grouped(input.rows)} minute rows`,
      () => {
        cli(input.file);
      },
      { iterations: 5, time: 0, warmupIterations: 1 },
    );
});

describe(`backtest: full pipeline, all strategies, synthetic market (${instrumentsPerStep} bars per step, no disk)`, () => {
  for (const steps of [5000, 10000])
    bench(
      `runBacktest over ${grouped(steps)} steps = ${grouped(steps * instrumentsPerStep)} bars`,
      () => {
        runBacktest(synthetic(steps));
      },
      { iterations: 2, time: 0, warmupIterations: 1 },
    );
});

describe(`backtest: validation through execution, all strategies, synthetic market replayed from memory (${instrumentsPerStep} bars per step)`, () => {
  for (const steps of [5000, 10000]) {
    const options = synthetic(steps);
    const recorded = recordedSource(options);
    bench(
      `runPipeline over ${grouped(steps)} pre-generated steps = ${grouped(steps * instrumentsPerStep)} bars`,
      () => {
        runPipeline(options, {}, recorded.open);
      },
      { iterations: 2, time: 0, warmupIterations: 1 },
    );
  }
});
