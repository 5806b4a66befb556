import { join } from 'node:path';
import { loadSettings } from '../../../src-main/config/load-settings';
import { createStrategies, STRATEGY_DEFINITIONS } from '../../../src-main/engine/strategies/registry';
import { repeatedSample, runStrategies } from '../strategies-loop';

// strategies-all.bench.ts's loop run as the app runs it: bundled by esbuild into one file (no vitest
// module transform). Same input (the S&P 500 sample ×20 as one instrument, 102,100 bars). Run from the
// repository root:
//   npx esbuild tests/bench/bundled/strategies.ts --bundle --platform=node --outfile=/tmp/strategies.cjs
//   node /tmp/strategies.cjs [all | each | id,id,…] [runs]
// `all` (the default) runs the 20 together and prints each run; `each` runs every strategy alone and prints
// its best run (what it costs without the others' code and data around it); a list runs those together.
// Times are the process's CPU time, which moves less than wall time on a shared machine.

const which = process.argv[2] ?? 'all';
const runs = Number(process.argv[3] ?? 8);
const settings = loadSettings(join(process.cwd(), 'resources', 'default-settings.yaml'));
for (const section of Object.values(settings.strategies as Record<string, { enabled: boolean }>))
  section.enabled = true;
const sample = repeatedSample(20);

const cpuMs = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** CPU milliseconds of each run of the named strategies (all when `ids` is null). */
function timeRuns(ids: readonly string[] | null): number[] {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const strategies = createStrategies(settings).filter((s) => ids === null || ids.includes(s.id));
    const start = cpuMs();
    runStrategies(strategies, sample);
    times.push(cpuMs() - start);
  }
  return times;
}

const rate = (ms: number): string => `${(sample.length / ms).toFixed(1)}k bars/s`;
if (which === 'each') {
  for (const { id } of STRATEGY_DEFINITIONS) {
    const best = Math.min(...timeRuns([id]));
    console.log(`${id.padEnd(26)} ${best.toFixed(1).padStart(6)} ms  ${rate(best)}`);
  }
} else {
  const ids = which === 'all' ? null : which.split(',');
  timeRuns(ids).forEach((ms, run) =>
    console.log(`run ${run + 1}: ${sample.length} bars in ${ms.toFixed(0)} ms = ${rate(ms)}`),
  );
}
