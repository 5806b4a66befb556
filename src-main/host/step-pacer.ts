/** Longest wall time one batch of steps may take, so commands and I/O stay responsive. */
export const BATCH_BUDGET_MS = 50;
const MIN_TICK_MS = 16;

export interface StepPacerOptions {
  /** Steps per bar interval of wall time (1 = real time), or 'max' for as fast as possible. */
  speed: number | 'max';
  barIntervalMs: number;
  wallClock: () => number;
  /** Runs up to `count` due steps, stopping at the `deadline` (wall time); returns how many ran. */
  runDue(count: number, deadline: number): number;
  /** Whether to keep ticking after a batch (false once the host faulted, closed or the feed ended). */
  canContinue(): boolean;
  /** Called when a tick ends the pacing because `canContinue` said no. */
  onStopped(): void;
}

/**
 * Paces the engine's steps in wall time. At speed N a step is due every barInterval / N of wall time since
 * `start`; each tick runs the steps due so far (catching up after a slow batch, within BATCH_BUDGET_MS) and
 * schedules the next tick. At 'max' every tick runs a full-budget batch.
 */
export class StepPacer {
  private timer: NodeJS.Timeout | null = null;
  private startedAt = 0;
  private stepsSinceStart = 0;

  constructor(private readonly options: StepPacerOptions) {}

  get running(): boolean {
    return this.timer !== null;
  }

  /** Starts pacing from now (no-op when already running). */
  start(): void {
    if (this.timer) return;
    this.startedAt = this.options.wallClock();
    this.stepsSinceStart = 0;
    this.schedule();
  }

  /** Stops pacing; a batch in progress finishes, and no tick follows it. */
  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(): void {
    const { speed, barIntervalMs } = this.options;
    const delay = speed === 'max' ? 0 : Math.max(MIN_TICK_MS, barIntervalMs / speed);
    this.timer = setTimeout(() => this.tick(), delay);
  }

  private tick(): void {
    this.timer = null;
    const { speed, barIntervalMs, wallClock } = this.options;
    let due = Number.MAX_SAFE_INTEGER;
    if (speed !== 'max') {
      const elapsed = wallClock() - this.startedAt;
      due = Math.floor((elapsed * speed) / barIntervalMs) - this.stepsSinceStart;
    }
    if (due > 0) this.stepsSinceStart += this.options.runDue(due, wallClock() + BATCH_BUDGET_MS);
    if (this.options.canContinue()) this.schedule();
    else this.options.onStopped();
  }
}
