import { parentPort, workerData } from 'node:worker_threads';
import type { BacktestOptions } from './options';
import { BacktestCancelledError, BacktestInputError } from './options';
import { runBacktest } from './run-backtest';
import { WorkerInputSchema, type WorkerMessage } from './worker-messages';

// Entry of the backtest worker thread (bundled as dist/main/backtest-worker.cjs): runs one backtest from
// workerData, posts progress, then exactly one of done, error or cancelled, and ends.

function post(message: WorkerMessage): void {
  parentPort!.postMessage(message);
}

function main(): void {
  const input = WorkerInputSchema.safeParse(workerData);
  if (!input.success) {
    post({ type: 'error', message: 'the backtest worker was started without its options', input: true });
    return;
  }
  const flag = new Int32Array(input.data.cancelFlag);
  try {
    // runBacktest parses the options with their schema before anything runs.
    const result = runBacktest(
      input.data.options as BacktestOptions,
      (progress) => post({ type: 'progress', progress }),
      () => Atomics.load(flag, 0) === 1,
    );
    post({ type: 'done', result });
  } catch (error) {
    if (error instanceof BacktestCancelledError) post({ type: 'cancelled' });
    else
      post({
        type: 'error',
        message: error instanceof Error ? error.message : String(error),
        input: error instanceof BacktestInputError,
      });
  }
}

if (parentPort) main();
