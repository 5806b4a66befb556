import {
  BacktestOptionsSchema,
  BacktestInputError,
  type BacktestOptions,
  type BacktestProgress,
} from './options';
import type { RunHooks } from './progress-clock';
import type { BacktestResult } from './result-schema';
import { describeZodError } from '../../src-shared/ipc/result';
import { runClassic } from './run-classic';
import { runPipeline } from './run-pipeline';

/**
 * Runs a backtest and returns its JSON-ready result: the full pipeline over the synthetic market or CSV
 * files, or the classic SMA crossover over one file. The options are checked first (a BacktestInputError
 * lists every bad field). `onProgress` hears about it at most every 100 ms of wall time; `shouldCancel`
 * is polled every few hundred steps and stops the run with a BacktestCancelledError. Same options →
 * the same result, except `elapsed_ms`.
 */
export function runBacktest(
  options: BacktestOptions,
  onProgress?: (progress: BacktestProgress) => void,
  shouldCancel?: () => boolean,
  hooks: Omit<RunHooks, 'onProgress' | 'shouldCancel'> = {},
): BacktestResult {
  const parsed = BacktestOptionsSchema.safeParse(options);
  if (!parsed.success) throw new BacktestInputError(`backtest options: ${describeZodError(parsed.error)}`);
  const all: RunHooks = { ...hooks, onProgress, shouldCancel };
  return parsed.data.mode === 'classic' ? runClassic(parsed.data, all) : runPipeline(parsed.data, all);
}
