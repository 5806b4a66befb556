import { describe, expect, it, vi } from 'vitest';
import type { EngineHost } from '../../src-main/host/engine-host';
import { testHost } from '../helpers/host';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();

function figures(host: EngineHost) {
  const { portfolio, positions, breaker } = host.snapshot();
  return { portfolio, positions, breaker };
}

const breakerEvents = (host: EngineHost) =>
  host.db.prepare('SELECT kind, actor FROM circuit_breaker_events ORDER BY id').all();

describe("a trader's halt whose write fails and whose engine cannot be reloaded at once", () => {
  it('is not in effect at all: after Resume the engine is the one the database holds', () => {
    const dir = tempDir();
    const host = testHost(dir);
    // Seed 11: the order decided at step 25 (id 1) is working; no breaker event so far.
    host.stepNow(25);
    expect(breakerEvents(host)).toEqual([]);
    // A storage fault at the halt's second write (its order cancelled), then the reload of the engine from
    // the database fails too (a read error), so trading stops on the fault.
    host.db.exec(
      "CREATE TEMP TRIGGER fail_order_update BEFORE UPDATE OF status ON orders BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END",
    );
    const read = vi.spyOn(host.read, 'latestCheckpoint').mockImplementationOnce(() => {
      throw Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR' });
    });
    expect(host.halt('stand aside')).toMatchObject({ ok: false });
    expect(host.status().fault).not.toBeNull();
    host.db.exec('DROP TRIGGER fail_order_update');
    read.mockRestore();

    // The trader presses Resume once the disk is well again, and trading goes on.
    expect(host.resume()).toMatchObject({ ok: true, value: { halted: false } });
    host.stepNow(5);
    // The halt was rolled back, so nothing of it may remain: no event (before the fix, the engine kept in
    // memory was halted without an event, and Resume journalled a 'resume' of a halt the journal lacks),
    // and the engine stepping on is the database's: a restart from it (the reference: what the database
    // holds) shows the same figures as the live engine.
    expect(breakerEvents(host)).toEqual([]);
    const live = figures(host);
    const restarted = testHost(dir);
    expect(figures(restarted)).toEqual(live);
    restarted.close();
    host.close();
  });
});

describe("a trader's breaker action followed at once by a crash", () => {
  const orderStatus = (host: EngineHost) =>
    host.db.prepare('SELECT status FROM orders WHERE id = 1').pluck().get();

  it.each([
    ['halt', (h: EngineHost) => h.halt('stand aside'), { halted: true, haltReason: 'stand aside' }],
    ['level-3 force', (h: EngineHost) => h.forceLevel(3, 30, 'news'), { level: 3, openingAllowed: false }],
  ] as const)('(%s) is fully in effect after the restart, its working orders cancelled', (_, act, state) => {
    // Seed 11: order 1 is working after step 25. The action commits its event and the order's
    // cancellation together; the restart must show the breaker state the action left (the reference: the
    // live host's state right after it) and the order cancelled.
    const dir = tempDir();
    const host = testHost(dir);
    host.stepNow(25);
    expect(act(host)).toMatchObject({ ok: true, value: state });
    const expected = host.snapshot().breaker;
    expect(orderStatus(host)).toBe('cancelled');
    const restarted = testHost(dir);
    expect(restarted.snapshot().breaker).toEqual(expected);
    expect(orderStatus(restarted)).toBe('cancelled');
    expect(breakerEvents(restarted)).toHaveLength(1);
    restarted.close();
  });
});
