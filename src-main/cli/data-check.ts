import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { progressLine } from '../backtest/progress-line';
import { ProgressClock } from '../backtest/progress-clock';
import { loadSettings } from '../config/load-settings';
import { checkFiles, checkOptionsFromSettings } from '../feeds/csv/check-file';
import { formatReport, reportJson } from '../feeds/csv/format-report';
import { defaultSettingsFile } from '../host/resources';
import { UsageError } from './options';

/** Files smaller than this finish before a progress bar would be worth drawing. */
const PROGRESS_FROM_BYTES = 20 * 1024 * 1024;

/**
 * `botv2 data check FILE… [--json]`: validates market-data files and prints the report (rows, bars, first
 * and last time, quality, issues with file:line). Exit code 1 when a file is unusable. A progress bar goes
 * to stderr for large files when stderr is a terminal.
 */
export function runDataCheck(args: string[]): number {
  const { values, positionals } = parseArgs({
    args,
    options: { json: { type: 'boolean' }, settings: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length === 0) throw new UsageError('data check needs at least one FILE');
  const settings = loadSettings(
    defaultSettingsFile(),
    values.settings ? resolve(values.settings) : undefined,
  );
  const clock = new ProgressClock(
    {
      onProgress: (p) => {
        if (p.total >= PROGRESS_FROM_BYTES) process.stderr.write(`\r${progressLine(p)}`);
      },
      progressIntervalMs: 200,
    },
    'bytes',
  );
  const drawing = process.stderr.isTTY === true;
  const report = checkFiles(
    positionals.map((p) => resolve(p)),
    {
      ...checkOptionsFromSettings(settings.data),
      ...(drawing ? { onProgress: (read: number, total: number) => clock.poll(read, total) } : {}),
    },
  );
  if (drawing) process.stderr.write('\n');
  console.log(values.json ? JSON.stringify(reportJson(report), null, 2) : formatReport(report));
  return report.usable ? 0 : 1;
}
