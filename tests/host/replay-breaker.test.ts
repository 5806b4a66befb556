import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BreakerEvent } from '../../src-shared/domain/risk';
import { CircuitBreaker, type BreakerConfig } from '../../src-main/engine/risk/circuit-breaker';
import { replayBreaker } from '../../src-main/host/replay-breaker';

const MIN = 60_000;
const config: BreakerConfig = {
  levels: [
    { drawdown: 0.02, sizeMultiplier: 1 },
    { drawdown: 0.04, sizeMultiplier: 0.5 },
    { drawdown: 0.06, sizeMultiplier: 0 },
  ],
  cooldownMs: 5 * MIN,
};

/** What happens between two steps: nothing, or one of the trader's actions. */
type Action =
  | { kind: 'none' }
  | { kind: 'halt' }
  | { kind: 'resume'; override: boolean }
  | { kind: 'force'; level: 0 | 1 | 2 | 3; minutes: number }
  | { kind: 'rearm' };

const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 6, arbitrary: fc.constant<Action>({ kind: 'none' }) },
  { weight: 1, arbitrary: fc.constant<Action>({ kind: 'halt' }) },
  { weight: 1, arbitrary: fc.boolean().map<Action>((override) => ({ kind: 'resume', override })) },
  {
    weight: 2,
    arbitrary: fc
      .record({ level: fc.constantFrom(0, 1, 2, 3), minutes: fc.integer({ min: 1, max: 20 }) })
      .map<Action>((r) => ({ kind: 'force', ...r })),
  },
  { weight: 1, arbitrary: fc.constant<Action>({ kind: 'rearm' }) },
);

/** Applies the action at `time`; returns its audit event when the breaker accepted it. */
function act(breaker: CircuitBreaker, a: Action, time: number): BreakerEvent | null {
  const result =
    a.kind === 'halt'
      ? breaker.halt('desk', time)
      : a.kind === 'resume'
        ? breaker.resume(time, a.override ? 'reviewed' : undefined)
        : a.kind === 'force'
          ? breaker.force(a.level, a.minutes * MIN, 'desk', time)
          : a.kind === 'rearm'
            ? breaker.rearm('desk', time)
            : null;
  return result?.ok ? result.value : null;
}

describe('replayBreaker (a restart between checkpoints)', () => {
  it('gives the memory of an uninterrupted breaker: checkpoint + the steps after it + the journalled events', () => {
    fc.assert(
      fc.property(
        // One step a minute: its equity, then what the trader did after it.
        fc.array(fc.record({ equity: fc.integer({ min: 88, max: 104 }), then: action }), {
          minLength: 1,
          maxLength: 60,
        }),
        fc.nat(),
        (run, checkpointPick) => {
          const checkpointStep = checkpointPick % run.length;
          const live = new CircuitBreaker(config, { equity: 100 });
          const journal: BreakerEvent[] = [];
          let checkpoint = live.remember();
          const steps: { time: number; equity: number }[] = [];
          run.forEach(({ equity, then }, i) => {
            const time = (i + 1) * MIN;
            const automatic = live.onEquity(equity, time);
            if (automatic) journal.push(automatic);
            // The loop writes its checkpoint at the end of the step; the trader acts after the step.
            if (i === checkpointStep) checkpoint = live.remember();
            if (i > checkpointStep) steps.push({ time, equity });
            const manual = act(live, then, time);
            if (manual) journal.push(manual);
          });
          const checkpointTime = (checkpointStep + 1) * MIN;
          const since = journal.filter((event) => event.time >= checkpointTime);
          const lastEquity = run[run.length - 1]!.equity;
          const unjournalled: BreakerEvent[] = [];
          expect(
            replayBreaker(checkpoint, since, steps, config, lastEquity, (e) => unjournalled.push(e)),
          ).toEqual(live.remember());
          // Every automatic change of the run is in its journal: nothing to add.
          expect(unjournalled).toEqual([]);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('keeps an automatic rise made silently under a forced level when a trader action is the newest event', () => {
    // Checkpoint at minute 1; the trader then forces level 1 for 30 minutes (automatic level 0). Minute 2: equity 95 is
    // a 5 % drawdown, level 2 automatically, without an event (the forced level applies); the trader then
    // halts. A restart that took the automatic level of the checkpoint when the newest event showed a
    // forced level had level 0 under the forced one: level 0 instead of 2 once the forced level expired.
    const live = new CircuitBreaker(config, { equity: 100 });
    live.onEquity(100, MIN);
    const checkpoint = live.remember();
    const force = live.force(1, 30 * MIN, 'desk', MIN);
    expect(live.onEquity(95, 2 * MIN)).toBeNull();
    const halt = live.halt('desk', 2 * MIN);
    if (!force.ok || !halt.ok) throw new Error('the actions were refused');

    const restored = replayBreaker(
      checkpoint,
      [force.value, halt.value],
      [{ time: 2 * MIN, equity: 95 }],
      config,
      95,
    );
    expect(restored).toMatchObject({ level: 2, forcedLevel: 1, halted: true, cooldownUntil: 7 * MIN });
    const resumed = new CircuitBreaker(config, restored!);
    resumed.onEquity(95, 31 * MIN);
    expect(resumed.state()).toMatchObject({ level: 2, sizeMultiplier: 0.5, forcedUntil: null });
  });

  it('reports the automatic changes that other breaker levels make, which the journal does not have', () => {
    // The run, levels 2 / 4 / 6 %: minute 2 at 97 (3 % drawdown) is level 1, journalled; minute 3 at 96.5
    // (3.5 %) keeps level 1. Restarted with levels 1 / 2 / 3 %, both drawdowns are level 3.
    const tighter: BreakerConfig = {
      levels: [
        { drawdown: 0.01, sizeMultiplier: 1 },
        { drawdown: 0.02, sizeMultiplier: 0.5 },
        { drawdown: 0.03, sizeMultiplier: 0 },
      ],
      cooldownMs: 5 * MIN,
    };
    const live = new CircuitBreaker(config, { equity: 100 });
    live.onEquity(100, MIN);
    const checkpoint = live.remember();
    const runEvent = live.onEquity(97, 2 * MIN)!;
    expect(runEvent.after.level).toBe(1);
    expect(live.onEquity(96.5, 3 * MIN)).toBeNull();
    const steps = [
      { time: 2 * MIN, equity: 97 },
      { time: 3 * MIN, equity: 96.5 },
    ];
    const changes = (events: BreakerEvent[]) => {
      const reported: BreakerEvent[] = [];
      const restored = replayBreaker(checkpoint, events, steps, tighter, 96.5, (e) => reported.push(e));
      return {
        level: restored?.level,
        reported: reported.map((e) => [e.time, e.before.level, e.after.level]),
      };
    };
    // With the run's event journalled: minute 2's change is the journal's (level 1, applied as it is), and
    // minute 3 then trips 1 → 3 under the new levels, which the journal lacks.
    expect(changes([runEvent])).toEqual({ level: 3, reported: [[3 * MIN, 1, 3]] });
    // Without it, minute 2's trip 0 → 3 is the one to report; minute 3 changes nothing more.
    expect(changes([])).toEqual({ level: 3, reported: [[2 * MIN, 0, 3]] });
  });

  it('without a saved memory takes the newest event as it is', () => {
    const live = new CircuitBreaker(config, { equity: 100 });
    const trip = live.onEquity(97, MIN)!;
    expect(replayBreaker(null, [trip], [], config, 97)).toEqual({ ...live.remember(), lastEquity: 97 });
    expect(replayBreaker(null, [], [], config, 97)).toBeNull();
  });
});
