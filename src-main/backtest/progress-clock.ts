import { performance } from 'node:perf_hooks';
import { BacktestCancelledError, type BacktestProgress } from './options';

/** What a caller can attach to a run: progress reports, a cancel check, and the wall clock (tests). */
export interface RunHooks {
  onProgress?: (progress: BacktestProgress) => void;
  /** Polled every few hundred steps; true stops the run with a BacktestCancelledError. */
  shouldCancel?: () => boolean;
  /** Wall clock in ms (default performance.now); only elapsed time and the ETA read it. */
  now?: () => number;
  /** Least wall time between two progress reports; default 100 ms. */
  progressIntervalMs?: number;
}

/** Steps between two looks at the wall clock and the cancel flag: cheap enough to be invisible. */
export const POLL_EVERY = 256;

/**
 * Paces progress reports and cancel checks of a run: `poll(done, total)` is called every POLL_EVERY steps,
 * throws BacktestCancelledError when the caller asked to stop, and reports progress at most every
 * `progressIntervalMs` with an ETA from the average rate so far (elapsed × remaining / done).
 */
export class ProgressClock {
  private readonly now: () => number;
  private readonly started: number;
  private lastReport = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly hooks: RunHooks,
    private readonly unit: BacktestProgress['unit'],
  ) {
    this.now = hooks.now ?? (() => performance.now());
    this.started = this.now();
  }

  elapsed(): number {
    return this.now() - this.started;
  }

  poll(done: number, total: number): void {
    if (this.hooks.shouldCancel?.()) throw new BacktestCancelledError();
    if (!this.hooks.onProgress) return;
    const at = this.now();
    if (at - this.lastReport < (this.hooks.progressIntervalMs ?? 100)) return;
    this.lastReport = at;
    this.report(done, total, at);
  }

  /** The last report, at 100 %. */
  finish(total: number): void {
    if (this.hooks.onProgress) this.report(total, total, this.now());
  }

  private report(done: number, total: number, at: number): void {
    const elapsedMs = at - this.started;
    const etaMs = done > 0 && total >= done ? (elapsedMs * (total - done)) / done : null;
    this.hooks.onProgress!({ done, total, unit: this.unit, elapsedMs, etaMs });
  }
}
