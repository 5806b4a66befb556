import { join } from 'node:path';
import { CsvFeed } from '../../../src-main/feeds/csv/csv-feed';
import type { Bar } from '../../../src-shared/domain/market';
import { repeatShifted, validateAndNormalise } from '../validate-normalise-loop';

// The loop of data.bench.ts's "validate + normalise", run as the app runs it: bundled by esbuild into one
// file (vitest's module transform turns every call across files into a property getter, which costs
// ~8 ns per call there and not in the shipped bundle). Same input: the S&P 500 sample ×200, each copy
// shifted by one 400-year Gregorian cycle (1,021,000 bars). Prints each of 10 runs.
//   npx esbuild tests/bench/bundled/validate-normalise.ts --bundle --platform=node --outfile=/tmp/vn.cjs
//   node /tmp/vn.cjs

const DAY_MS = 86_400_000;
const CYCLE_MS = 146_097 * DAY_MS;
const sample = join(process.cwd(), 'resources', 'data', 'sp500-2000.csv');
const feed = new CsvFeed({ sources: [sample], fees: { maker: 0, taker: 0 } });
const base: Bar[] = [];
for (let slice = feed.next(); slice !== null; slice = feed.next()) base.push(...slice.bars);
const bars = repeatShifted(base, 200, CYCLE_MS);

for (let run = 1; run <= 10; run++) {
  const start = performance.now();
  validateAndNormalise(bars);
  const ms = performance.now() - start;
  console.log(
    `run ${run}: ${bars.length} bars in ${ms.toFixed(1)} ms = ${(bars.length / ms / 1000).toFixed(2)}M bars/s`,
  );
}
