import { describe, expect, it } from 'vitest';
import type { EngineHost } from '../../src-main/host/engine-host';
import { testHost } from '../helpers/host';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();

function figures(host: EngineHost) {
  const { portfolio, positions, breaker } = host.snapshot();
  return { portfolio, positions, breaker };
}

const settlements = (host: EngineHost) =>
  host.db
    .prepare("SELECT instrument, side, qty, price FROM fills WHERE strategy = 'settlement' ORDER BY id")
    .all();

describe('a restart after a prediction contract settled between the checkpoint and the crash', () => {
  // Seed 11, checkpoints at steps 1, 6, … (every 5): SPT-001 settles at step 240 (a long of 686 at 1),
  // SPT-002 at 480 and CRY-001 at 720 (shorts bought back at 0), each after the checkpoint of the step
  // 4 before. The reference is the same seeded market stepped without a crash to the same step.
  it.each([
    [240, 1],
    [242, 1],
    [480, 2],
    [720, 3],
  ])(
    'after %i steps shows the cash, positions, P&L and equity of the uninterrupted run',
    (steps, settled) => {
      const reference = testHost(tempDir());
      reference.stepNow(steps);
      const expected = figures(reference);
      expect(settlements(reference)).toHaveLength(settled);
      reference.close();

      const dir = tempDir();
      testHost(dir).stepNow(steps);
      const restarted = testHost(dir);
      expect(figures(restarted)).toEqual(expected);
      restarted.close();
    },
  );
});
