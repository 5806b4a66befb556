import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { describeZodError } from '../../src-shared/ipc/result';
import {
  BacktestCancelledError,
  BacktestInputError,
  type BacktestOptions,
  type BacktestProgress,
} from './options';
import type { BacktestResult } from './result-schema';
import { WorkerMessageSchema, type WorkerInput } from './worker-messages';

/** A backtest running in a worker thread. */
export interface BacktestHandle {
  /**
   * The result; rejects with BacktestCancelledError after cancel(), BacktestInputError when the options or
   * data were refused, or an Error for anything else (the worker crashed, a malformed message).
   */
  promise: Promise<BacktestResult>;
  /** Asks the run to stop; it does within a few hundred steps (the thread is ended after a grace period). */
  cancel(): void;
  /** Adds a progress listener; returns its removal. */
  onProgress(listener: (progress: BacktestProgress) => void): () => void;
}

/** Where the worker bundle is and how long a cancelled run may take to stop. */
export interface WorkerClientOptions {
  /** The bundled worker entry; default `backtest-worker.cjs` beside this bundle (dist/main). */
  workerFile?: string;
  /** After cancel(), how long the run may take to notice before the thread is terminated. Default 2 s. */
  cancelGraceMs?: number;
}

/**
 * Starts a backtest in a worker_threads Worker so the app stays responsive: progress (done/total, elapsed,
 * ETA) reaches the listeners as the worker posts it; cancel() sets a shared flag the run polls; every
 * message is parsed with its zod schema. The worker ends once it has posted its outcome.
 */
export function startBacktestWorker(
  options: BacktestOptions,
  { workerFile = join(__dirname, 'backtest-worker.cjs'), cancelGraceMs = 2000 }: WorkerClientOptions = {},
): BacktestHandle {
  const cancelFlag = new SharedArrayBuffer(4);
  const flag = new Int32Array(cancelFlag);
  const listeners = new Set<(progress: BacktestProgress) => void>();
  const workerData: WorkerInput = { options, cancelFlag };
  const worker = new Worker(workerFile, { workerData });
  let settled = false;
  let graceTimer: NodeJS.Timeout | null = null;

  const promise = new Promise<BacktestResult>((resolve, reject) => {
    const settle = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      if (graceTimer) clearTimeout(graceTimer);
      outcome();
      void worker.terminate();
    };
    worker.on('message', (raw: unknown) => {
      const parsed = WorkerMessageSchema.safeParse(raw);
      if (!parsed.success) {
        settle(() =>
          reject(new Error(`backtest worker: malformed message (${describeZodError(parsed.error)})`)),
        );
        return;
      }
      const message = parsed.data;
      switch (message.type) {
        case 'progress':
          for (const listener of listeners) listener(message.progress);
          return;
        case 'done':
          settle(() => resolve(message.result));
          return;
        case 'cancelled':
          settle(() => reject(new BacktestCancelledError()));
          return;
        case 'error':
          settle(() =>
            reject(message.input ? new BacktestInputError(message.message) : new Error(message.message)),
          );
      }
    });
    worker.on('error', (error) =>
      settle(() => reject(new Error(`backtest worker failed: ${error.message}`))),
    );
    worker.on('exit', (code) =>
      settle(() =>
        reject(
          Atomics.load(flag, 0) === 1
            ? new BacktestCancelledError()
            : new Error(`backtest worker stopped (exit code ${code}) before it finished`),
        ),
      ),
    );
  });

  return {
    promise,
    cancel() {
      if (settled) return;
      Atomics.store(flag, 0, 1);
      graceTimer ??= setTimeout(() => void worker.terminate(), cancelGraceMs);
    },
    onProgress(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
