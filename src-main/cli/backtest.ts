import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildBacktestCommand, parseBacktestArgs } from '../backtest/command-options';
import { BacktestInputError, type BacktestProgress } from '../backtest/options';
import { progressLine } from '../backtest/progress-line';
import { renderReportHtml } from '../backtest/report-html';
import { runBacktest } from '../backtest/run-backtest';
import { formatSummary } from '../backtest/summary-text';
import { loadSettings } from '../config/load-settings';
import { defaultDataDir, USER_SETTINGS_FILE } from '../host/paths';
import { defaultSettingsFile } from '../host/resources';
import { isClosedPipe } from './options';

export const BACKTEST_USAGE = `  backtest --data FILE[,FILE…] [--from DATE] [--to DATE] [--strategies all|ID,…] [--seed N] [--cash N]
           [--commission F] [--json] [--report OUT.html] [--settings FILE | --data-dir DIR]
        Replay CSV files through the full pipeline (strategies, ensemble, risk, execution simulator).
  backtest --feed synthetic --bars N [--scenario markov|calm|trending|crash] [--seed N] [...]
        The same over the synthetic market, as fast as possible.
  backtest --data FILE --strategy sma-cross [--fast 10] [--slow 30] [--size 1] [--commission 0]
           [--slippage 0] [--cash N] [--json]
        Classic mode: buy SIZE units when the fast SMA crosses above the slow one, sell on the cross below.
        Orders decided on a close fill at the next open; see docs/BACKTESTING.md.`;

/**
 * `botv2 backtest`: runs a backtest in this process and prints the result — JSON on stdout with --json,
 * else a summary — and writes the HTML report with --report. A progress bar with ETA goes to stderr when it
 * is a terminal. Returns the exit code: 0, or 2 when the options or data were refused (the message says
 * why). Usage and settings errors are thrown for the command dispatcher to print.
 */
export async function runBacktestCommand(args: string[]): Promise<number> {
  const { values } = parseBacktestArgs(args);
  const userSettings = values.settings
    ? resolve(values.settings)
    : join(resolve(values['data-dir'] ?? defaultDataDir()), USER_SETTINGS_FILE);
  const settings = loadSettings(defaultSettingsFile(), userSettings);
  // Until the lead wires the `backtest` section into SettingsSchema its defaults apply.
  const section = settings.backtest;
  const stderr = process.stderr;
  const showProgress = stderr.isTTY === true;
  const onProgress = showProgress
    ? (progress: BacktestProgress) => stderr.write(`\r${progressLine(progress)}\u001b[K`)
    : undefined;
  try {
    const command = buildBacktestCommand(values, settings, section);
    const result = runBacktest(command.options, onProgress);
    if (showProgress) stderr.write('\r\u001b[K');
    if (command.report !== null) {
      writeFileSync(command.report, renderReportHtml(result));
      stderr.write(`botv2: report written to ${command.report}\n`);
    }
    await writeOut(command.json ? `${JSON.stringify(result)}\n` : `${formatSummary(result)}\n`);
    return 0;
  } catch (error) {
    if (showProgress) stderr.write('\r\u001b[K');
    if (error instanceof BacktestInputError) {
      stderr.write(`botv2: backtest: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

/**
 * Writes to stdout and waits until it is flushed (a large JSON to a pipe must not be cut at exit). A reader
 * that has gone (a closed pipe) is not an error of the backtest.
 */
function writeOut(text: string): Promise<void> {
  return new Promise((done, fail) => {
    process.stdout.write(text, (error) => (error && !isClosedPipe(error) ? fail(error) : done()));
  });
}
