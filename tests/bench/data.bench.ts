import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, bench, describe } from 'vitest';
import type { Bar } from '../../src-shared/domain/market';
import { checkFiles, DEFAULT_CHECK_OPTIONS } from '../../src-main/feeds/csv/check-file';
import { CsvFeed } from '../../src-main/feeds/csv/csv-feed';
import { repeatShifted, validateAndNormalise } from './validate-normalise-loop';

// Inputs: the S&P 500 sample (5,105 daily bars) repeated with shifted dates.
// - CSV import: 200 copies, each shifted 21 years later than the one before (years 2000–6199), written as
//   text to a temp file; 29 February is left out in the shifted years that are not leap years:
//   1,020,9xx rows (the exact count is in the benchmark's name), ~83 MB.
// - Validate + normalise: 200 copies in memory, each shifted by one 400-year Gregorian cycle (146,097 days),
//   so weekdays and regular NYSE holidays line up as in the original: 1,021,000 bars.
// Measured: rows (bars) per second = bars per run × runs per second (hz in the table).

const SAMPLE = join(__dirname, '../../resources/data/sp500-2000.csv');
const COPIES = 200;
const DAY_MS = 86_400_000;
const CYCLE_MS = 146_097 * DAY_MS;

const lines = readFileSync(SAMPLE, 'utf8').trim().split('\n');
const header = lines[0]!;
const rows = lines.slice(1);

const dir = mkdtempSync(join(tmpdir(), 'botv2-bench-'));
const bigCsv = join(dir, 'sp500-x200.csv');
const isLeap = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
let csvRows = 0;
{
  const parts: string[] = [header];
  for (let copy = 0; copy < COPIES; copy++) {
    for (const row of rows) {
      const year = Number(row.slice(0, 4)) + copy * 21;
      if (row.slice(5, 10) === '02-29' && !isLeap(year)) continue;
      parts.push(`${year}${row.slice(4)}`);
    }
  }
  csvRows = parts.length - 1;
  writeFileSync(bigCsv, `${parts.join('\n')}\n`);
}

const sampleBars: Bar[] = [];
{
  const feed = new CsvFeed({ sources: [SAMPLE], fees: { maker: 0, taker: 0 } });
  for (let slice = feed.next(); slice !== null; slice = feed.next()) sampleBars.push(...slice.bars);
}
const bars = repeatShifted(sampleBars, COPIES, CYCLE_MS);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const grouped = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

describe('data: validate + normalise (in memory, one core)', () => {
  bench(
    `DataValidator.check + NormalizationPipeline.update over ${grouped(bars.length)} bars (NYSE calendar)`,
    () => {
      validateAndNormalise(bars);
    },
    { iterations: 8, time: 0, warmupIterations: 2 },
  );
});

describe('data: CSV import (file read and parse)', () => {
  bench(
    `CsvFeed over ${grouped(csvRows)} rows (sample ×${COPIES}, dates shifted)`,
    () => {
      const feed = new CsvFeed({ sources: [bigCsv], fees: { maker: 0, taker: 0 } });
      let count = 0;
      for (let slice = feed.next(); slice !== null; slice = feed.next()) count += slice.bars.length;
      if (count !== csvRows) throw new Error(`read ${count} rows`);
    },
    { iterations: 5, time: 0, warmupIterations: 1 },
  );

  bench(
    `checkFiles (read, parse, validate) over ${grouped(csvRows)} rows`,
    () => {
      const report = checkFiles([bigCsv], DEFAULT_CHECK_OPTIONS);
      if (report.rows !== csvRows) throw new Error(`read ${report.rows} rows`);
    },
    { iterations: 3, time: 0, warmupIterations: 1 },
  );
});
