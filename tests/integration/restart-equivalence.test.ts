import { describe, expect, it } from 'vitest';
import { EngineHost } from '../../src-main/host/engine-host';
import { createLogger } from '../../src-main/log';
import { testSettings } from '../helpers/settings';
import { testHost } from '../helpers/host';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();

/** What the trader sees of the money and the breaker. */
function figures(host: EngineHost) {
  const { portfolio, positions, breaker } = host.snapshot();
  return { portfolio, positions, breaker };
}

describe('a restart after a crash between a fill and the next checkpoint', () => {
  // Seed 11, default settings (checkpoint every 5 one-minute bars): the first fills come at steps 26, 28,
  // 29, 39 and 40; checkpoints at steps 26 and 31 (and every 5 after), so a crash at 28, 29, 39 leaves fills
  // after the latest checkpoint, at 33–37 only moved prices, at 27 a position opened at step 26 is marked.
  it.each([27, 28, 29, 33, 35, 37, 38, 39])(
    'after %i steps shows exactly the figures of an uninterrupted run stopped at that step',
    (steps) => {
      // Reference: the same seed and data, stepped without a crash.
      const reference = testHost(tempDir());
      reference.stepNow(steps);
      const expected = figures(reference);
      reference.close();

      const dir = tempDir();
      const crashed = testHost(dir);
      crashed.stepNow(steps);
      // The crash: the host is dropped without close() (no final checkpoint, session not marked clean).
      const restarted = testHost(dir);
      expect(restarted.status().recovery).toMatch(/^recovered after an unclean stop at /);
      // Positions, cash, realised P&L, commissions, the marks of the last committed step (so equity and
      // unrealised P&L), and the breaker's peak and drawdown: all as the uninterrupted run had them.
      expect(figures(restarted)).toEqual(expected);
      restarted.close();
    },
  );
});

describe('the strategies, the ensemble and the Kelly history across a restart', () => {
  // Crashes at a step with fills after the latest checkpoint (28), and at steps with the strategies long
  // warmed up (120, 200).
  it.each([28, 120, 200])(
    'after %i steps are as an uninterrupted run has them: the engine is warmed up on the market history',
    (steps) => {
      const reference = testHost(tempDir());
      reference.stepNow(steps);
      const expected = { strategies: reference.strategyTable(), risk: reference.riskView() };
      reference.close();

      const dir = tempDir();
      testHost(dir).stepNow(steps);
      const restarted = testHost(dir);
      // Signal history, hit and win rates, signal returns, allocation weights, the correlation matrix and the
      // Kelly inputs. Before, every strategy restarted cold ("warming up"), with equal weights and a Kelly
      // estimate of 0, so nothing could be sized until 30 shadow trades had closed again.
      expect({ strategies: restarted.strategyTable(), risk: restarted.riskView() }).toEqual(expected);
      restarted.close();
    },
  );
});

describe('the breaker across a restart', () => {
  /**
   * Steps to 42 (peak 100,190.03 reached at step 38 and saved with the checkpoint of step 41; flat since
   * step 40 at 100,136.62), re-arms, steps once, halts.
   */
  function rearmThenHalt(host: EngineHost): void {
    host.stepNow(42);
    expect(host.rearm('desk reviewed the drawdown').ok).toBe(true);
    host.stepNow(1);
    expect(host.halt('stand aside').ok).toBe(true);
  }

  it('keeps a re-arm made after the checkpoint when a later halt is the newest event', () => {
    // Reference: the same actions without a crash: the re-arm makes the peak 100,136.62 (drawdown 0). A
    // restart that took the checkpoint's peak back (the newest event, the halt, is not a re-arm) showed
    // the peak 100,190.03 and a drawdown of 1 − 100,136.62 / 100,190.03 = 0.053 % the re-arm had cleared.
    const reference = testHost(tempDir());
    rearmThenHalt(reference);
    const expected = figures(reference);
    reference.close();
    expect(expected.breaker).toMatchObject({
      halted: true,
      haltReason: 'stand aside',
      level: 0,
      peakEquity: 100136.619224,
      drawdown: 0,
    });

    const dir = tempDir();
    rearmThenHalt(testHost(dir));
    const restarted = testHost(dir);
    expect(figures(restarted)).toEqual(expected);
    restarted.close();
  });
});

describe('orders working at a restart', () => {
  const workingOrders = (host: EngineHost) =>
    host.db.prepare("SELECT id FROM orders WHERE status = 'working' ORDER BY id").pluck().all();

  it('are journalled as cancelled and named in the recovery notice: the restarted engine does not work them', () => {
    // Seed 11: the order decided at step 25 (id 1) is working until it fills at step 26.
    const dir = tempDir();
    const crashed = testHost(dir);
    crashed.stepNow(25);
    expect(workingOrders(crashed)).toEqual([1]);
    const restarted = testHost(dir);
    // Before the fix the row said 'working' for ever while no engine worked the order.
    expect(workingOrders(restarted)).toEqual([]);
    expect(restarted.db.prepare('SELECT status, filled_qty FROM orders WHERE id = 1').get()).toEqual({
      status: 'cancelled',
      filled_qty: 0,
    });
    expect(restarted.status().recovery).toMatch(
      /^recovered after an unclean stop at 2024-01-01T00:25:00\.000Z; 1 working order was cancelled$/,
    );
    restarted.stepNow(1);
    expect(restarted.db.prepare('SELECT COUNT(*) FROM fills').pluck().get()).toBe(0);
    restarted.close();
  });

  it('are cancelled after a clean stop too (the close leaves them to the next start)', () => {
    const dir = tempDir();
    const first = testHost(dir);
    first.stepNow(38);
    expect(workingOrders(first)).toEqual([4, 5]);
    first.close();
    const second = testHost(dir);
    expect(second.status().recovery).toBeNull();
    expect(workingOrders(second)).toEqual([]);
    second.close();
  });
});

describe('a forced breaker level across a restart', () => {
  /**
   * The crash scenario (seed 2) with levels at 0.2 / 0.4 / 0.6 % drawdown and a 7-minute cooldown: level 1
   * trips at step 110; the trader forces level 1 for 40 minutes at step 112. While the level is forced the
   * automatic level still moves with the drawdown (silently: no event), and a cooldown starts with each
   * rise; the forced level expires at step 152.
   */
  function forcedHost(dataDir: string): EngineHost {
    const settings = testSettings((s) => {
      s.market.scenario = 'crash';
      s.risk.circuitBreaker.levels = [
        { drawdown: 0.002, sizeMultiplier: 1 },
        { drawdown: 0.004, sizeMultiplier: 1 },
        { drawdown: 0.006, sizeMultiplier: 0.5 },
      ];
      s.risk.circuitBreaker.cooldownMinutes = 7;
    });
    return new EngineHost({
      dataDir,
      settings,
      seed: 2,
      logger: createLogger(null, 'error'),
      wallClock: () => Date.UTC(2026, 0, 5, 9),
    });
  }
  function run(host: EngineHost, steps: number): void {
    host.stepNow(112);
    expect(host.forceLevel(1, 40, 'hold size while the desk reviews').ok).toBe(true);
    host.stepNow(steps - 112);
  }

  it.each([122, 124, 150])('after %i steps shows the breaker of an uninterrupted run', (steps) => {
    const reference = forcedHost(tempDir());
    run(reference, steps);
    const expected = reference.snapshot().breaker;
    reference.close();
    // A cooldown started by a silent rise after the latest checkpoint (it ran until 2024-01-01T02:09, 02:11
    // or 02:37 in the uninterrupted run) was lost: the restart showed no cooldown.
    expect(expected.cooldownUntil).not.toBeNull();

    const dir = tempDir();
    run(forcedHost(dir), steps);
    const restarted = forcedHost(dir);
    expect(restarted.snapshot().breaker).toEqual(expected);
    restarted.close();
  });
});
