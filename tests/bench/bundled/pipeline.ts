import { join } from 'node:path';
import { ALL_TIME, type PipelineOptions } from '../../../src-main/backtest/options';
import { runBacktest } from '../../../src-main/backtest/run-backtest';
import { runPipeline } from '../../../src-main/backtest/run-pipeline';
import { loadSettings } from '../../../src-main/config/load-settings';
import { recordedSource } from '../replay-feed';

// backtest.bench.ts's full pipeline (all strategies, synthetic market), run as the app runs it: bundled by
// esbuild into one file (no vitest module transform). Two figures per run: "full" = runBacktest with the
// synthetic feed generating the market as it goes; "replay" = runPipeline over the same market generated
// beforehand (validation through execution, without the feed's own work). Run from the repository root:
//   npx esbuild tests/bench/bundled/pipeline.ts --bundle --platform=node --outfile=/tmp/pipeline.cjs
//   node /tmp/pipeline.cjs [steps] [runs] [replay]   (replay: that figure only; node --cpu-prof to profile)

const steps = Number(process.argv[2] ?? 5000);
const runs = Number(process.argv[3] ?? 6);
const replayOnly = process.argv[4] === 'replay';
const options: PipelineOptions = {
  mode: 'pipeline',
  source: { feed: 'synthetic', seed: 1, scenario: 'markov', bars: steps },
  range: ALL_TIME,
  strategies: 'all',
  seed: 1,
  cash: null,
  settings: loadSettings(join(process.cwd(), 'resources', 'default-settings.yaml')),
};
const recorded = recordedSource(options);
const rate = (bars: number, ms: number): string => `${(bars / ms).toFixed(1)}k bars/s`;
// CPU time of the process beside wall time: on a shared machine it moves less with the other load.
const cpuMs = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
for (let run = 1; run <= runs; run++) {
  let start = performance.now();
  let cpu = cpuMs();
  if (replayOnly) {
    const result = runPipeline(options, {}, recorded.open);
    const ms = performance.now() - start;
    console.log(
      `run ${run}: replay ${ms.toFixed(0)} ms = ${rate(result.bars, ms)} (cpu ${(cpuMs() - cpu).toFixed(0)} ms)`,
    );
    continue;
  }
  const full = runBacktest(options);
  const fullMs = performance.now() - start;
  const fullCpu = cpuMs() - cpu;
  start = performance.now();
  cpu = cpuMs();
  const replay = runPipeline(options, {}, recorded.open);
  const replayMs = performance.now() - start;
  const replayCpu = cpuMs() - cpu;
  if (replay.final_equity !== full.final_equity || replay.bars !== full.bars)
    throw new Error(`replay differs: ${replay.final_equity} vs ${full.final_equity}`);
  console.log(
    `run ${run}: ${full.bars} bars; full ${fullMs.toFixed(0)} ms = ${rate(full.bars, fullMs)} ` +
      `(cpu ${fullCpu.toFixed(0)} ms); replay ${replayMs.toFixed(0)} ms = ${rate(full.bars, replayMs)} ` +
      `(cpu ${replayCpu.toFixed(0)} ms); final equity ${full.final_equity}`,
  );
}
