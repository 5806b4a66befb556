import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BATCH_BUDGET_MS, StepPacer, type StepPacerOptions } from '../../src-main/host/step-pacer';

/** A pacer on fake timers whose batches record what they were asked and run all of it. */
function pacer(overrides: Partial<StepPacerOptions> = {}) {
  const calls: { count: number; deadline: number; at: number }[] = [];
  let stopped = 0;
  const made = new StepPacer({
    speed: 2,
    barIntervalMs: 1000,
    wallClock: () => Date.now(),
    runDue: (count, deadline) => {
      calls.push({ count, deadline, at: Date.now() });
      return count;
    },
    canContinue: () => true,
    onStopped: () => {
      stopped += 1;
    },
    ...overrides,
  });
  return { made, calls, stopped: () => stopped };
}

describe('StepPacer', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 1_000_000 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs one step per bar interval / speed of wall time, each batch with the time budget', () => {
    const { made, calls } = pacer();
    made.start();
    expect(made.running).toBe(true);
    vi.advanceTimersByTime(2000);
    // Speed 2, 1 s bars: a step due every 500 ms; ticks every 500 ms → 4 steps in 2 s, one per tick.
    expect(calls.map((c) => c.count)).toEqual([1, 1, 1, 1]);
    expect(calls.every((c) => c.deadline === c.at + BATCH_BUDGET_MS)).toBe(true);
  });

  it('catches up after a slow batch: the steps due since start, less those run', () => {
    let first = true;
    const { made, calls } = pacer({
      runDue: (count, deadline) => {
        calls.push({ count, deadline, at: Date.now() });
        if (first) {
          first = false;
          vi.setSystemTime(Date.now() + 1500); // this batch took 1.5 s of wall time
        }
        return count;
      },
    });
    made.start();
    vi.advanceTimersByTime(500); // tick at 500 ms: 1 due; the batch ends at 2,000 ms
    vi.advanceTimersByTime(500); // tick at 2,500 ms: 5 due since start, 1 run → 4
    expect(calls.map((c) => c.count)).toEqual([1, 4]);
  });

  it("at 'max' every tick asks for as many steps as fit in the budget, without a pacing delay", () => {
    const { made, calls } = pacer({ speed: 'max' });
    made.start();
    vi.advanceTimersToNextTimer();
    vi.advanceTimersToNextTimer();
    expect(calls).toHaveLength(2);
    expect(calls[1]!.at - calls[0]!.at).toBeLessThanOrEqual(1); // setTimeout(0): at most 1 ms
    expect(calls[0]!.count).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('stops ticking, and says so once, when the host cannot continue; stop() cancels the next tick', () => {
    let allowed = true;
    const { made, calls, stopped } = pacer({ canContinue: () => allowed });
    made.start();
    vi.advanceTimersByTime(500);
    allowed = false;
    vi.advanceTimersByTime(500);
    vi.advanceTimersByTime(5000);
    expect(calls).toHaveLength(2);
    expect(stopped()).toBe(1);
    expect(made.running).toBe(false);

    const other = pacer();
    other.made.start();
    other.made.stop();
    vi.advanceTimersByTime(5000);
    expect(other.calls).toHaveLength(0);
    expect(other.stopped()).toBe(0);
  });
});
