import { startBacktestWorker, type BacktestHandle } from '../backtest/backtest-worker-client';
import { BacktestCancelledError, type BacktestOptions, type BacktestProgress } from '../backtest/options';
import type { Logger } from '../log';
import type { Db } from '../store/database';
import {
  listRuns,
  loadRun,
  markInterruptedRuns,
  saveRun,
  type RunRecord,
  type RunSummary,
} from '../store/runs';

export interface BacktestProgressEvent extends BacktestProgress {
  runId: number;
  status: 'running' | 'done' | 'failed' | 'cancelled';
  error: string | null;
}

/** The error a run left 'running' by a previous process gets when the next one starts. */
export const INTERRUPTED_RUN = 'interrupted: the app stopped while this backtest was running';

/**
 * Backtests started from the app: each runs in a worker thread (the trading loop keeps its own thread),
 * is saved in the `runs` table when it starts and again when it ends, and reports progress with an ETA
 * through `onProgress`. Several may run at once; each can be cancelled.
 */
export class BacktestService {
  private readonly running = new Map<number, BacktestHandle>();
  private disposed = false;

  constructor(
    private readonly db: Db,
    private readonly logger: Logger,
    private readonly onProgress: (event: BacktestProgressEvent) => void,
    private readonly wallClock: () => number = Date.now,
    private readonly workerFile?: string,
  ) {
    const interrupted = markInterruptedRuns(db, wallClock(), INTERRUPTED_RUN);
    if (interrupted > 0) logger.warn({ runs: interrupted }, 'backtests interrupted by the last stop');
  }

  /** Starts a run; returns its id at once. */
  start(options: BacktestOptions): number {
    if (this.disposed) throw new Error('backtests are closed: the app is stopping');
    const seed = options.mode === 'pipeline' ? options.seed : 0;
    const data = options.mode === 'pipeline' ? { ...options, settings: undefined } : options;
    const settings = options.mode === 'pipeline' ? options.settings : null;
    const startedAt = this.wallClock();
    const runId = saveRun(this.db, {
      startedAt,
      finishedAt: null,
      status: 'running',
      settings,
      seed,
      data,
      results: null,
    });
    const handle = startBacktestWorker(options, this.workerFile ? { workerFile: this.workerFile } : {});
    this.running.set(runId, handle);
    handle.onProgress((p) => this.onProgress({ ...p, runId, status: 'running', error: null }));
    const finish = (
      status: 'done' | 'failed' | 'cancelled',
      results: RunRecord['results'] | { error: string } | null,
      error: string | null,
    ) => {
      this.running.delete(runId);
      // After dispose() the database is closed: the row stays 'running' and the next start marks it.
      if (this.disposed) return;
      try {
        saveRun(this.db, {
          id: runId,
          startedAt,
          finishedAt: this.wallClock(),
          status,
          settings,
          seed,
          data,
          results,
        });
      } catch (saveError) {
        // Thrown here it would be an unhandled rejection (fatal to a plain Node process) and the form would
        // wait for an end that never comes. The row stays 'running'; the next start marks it interrupted.
        const message = saveError instanceof Error ? saveError.message : String(saveError);
        this.logger.error({ runId, err: saveError }, 'backtest result could not be saved');
        status = 'failed';
        error = `the backtest ended but its result could not be saved: ${message}`;
      }
      this.onProgress({
        runId,
        status,
        error,
        done: 1,
        total: 1,
        unit: 'slices',
        elapsedMs: this.wallClock() - startedAt,
        etaMs: 0,
      });
    };
    handle.promise.then(
      (result) => finish('done', result, null),
      (error: unknown) => {
        if (error instanceof BacktestCancelledError) return finish('cancelled', null, null);
        const message = error instanceof Error ? error.message : String(error);
        this.logger.warn({ runId, error: message }, 'backtest failed');
        finish('failed', { error: message }, message);
      },
    );
    return runId;
  }

  /** Asks a running backtest to stop; false when no such run is running. */
  cancel(runId: number): boolean {
    const handle = this.running.get(runId);
    if (!handle) return false;
    handle.cancel();
    return true;
  }

  list(limit: number): RunSummary[] {
    return listRuns(this.db, limit);
  }

  load(runId: number): RunRecord | null {
    return loadRun(this.db, runId);
  }

  /** Cancels every running backtest (shutdown). */
  cancelAll(): void {
    for (const handle of this.running.values()) handle.cancel();
  }

  /** Shutdown, before the database closes: cancels every run and writes nothing more. */
  dispose(): void {
    this.disposed = true;
    this.cancelAll();
  }
}
