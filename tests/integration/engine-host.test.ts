import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EngineHost } from '../../src-main/host/engine-host';
import { createDefaultFeed, type FeedStart } from '../../src-main/host/feeds';
import type { MarketFeed } from '../../src-main/engine/ports';
import { createDispatch } from '../../src-main/host/request-handlers';
import { createLogger } from '../../src-main/log';
import type { EventName } from '../../src-shared/ipc/contract';
import { testHost } from '../helpers/host';
import { testSettings } from '../helpers/settings';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const logger = createLogger(null, 'error');

describe('EngineHost on the synthetic market', () => {
  it('runs N events and every pushed fill is already in SQLite', () => {
    const dir = tempDir();
    const host = testHost(dir);
    const db = new Database(join(dir, 'botv2.sqlite'), { readonly: true });
    const pushed: number[] = [];
    const seen: EventName[] = [];
    host.subscribe((name, payload) => {
      seen.push(name);
      if (name === 'fill') {
        const id = (payload as { id: number }).id;
        // Committed before anyone is told: a second connection already sees the row.
        expect(db.prepare('SELECT COUNT(*) FROM fills WHERE id = ?').pluck().get(id)).toBe(1);
        pushed.push(id);
      }
    });
    expect(host.stepNow(500)).toBe(500);
    const rows = db.prepare('SELECT id, side, qty, price, commission FROM fills ORDER BY id').all() as {
      id: number;
      qty: number;
      price: number;
      commission: number;
    }[];
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.map((r) => r.id)).toEqual(pushed);
    // Commission is the venue's rate on the notional: at most 0.2 % (the prediction venue's taker fee).
    for (const row of rows) {
      expect(row.commission).toBeGreaterThanOrEqual(0);
      expect(row.commission).toBeLessThanOrEqual(row.qty * row.price * 0.002 + 1e-9);
    }
    expect(seen).toContain('equity');
    expect(host.status()).toMatchObject({ events: 500, rejectedEvents: 0, fault: null });
    db.close();
    host.close();
  });

  it('serves the contract: snapshot, trades, history, halt with a reason, resume', () => {
    const host = testHost(tempDir());
    const dispatch = createDispatch(host, logger);
    host.stepNow(200);
    const snapshot = dispatch('snapshot', {});
    expect(snapshot.ok).toBe(true);
    if (snapshot.ok)
      expect(snapshot.value).toMatchObject({ status: { events: 200 }, breaker: { level: 0, halted: false } });
    const trades = dispatch('trades', { limit: 3 });
    expect(trades.ok && (trades.value as { items: unknown[] }).items).toHaveLength(3);
    const history = dispatch('equityHistory', { maxPoints: 50 });
    expect(history.ok && (history.value as unknown[]).length).toBe(50);

    expect(dispatch('halt', {})).toEqual({
      ok: false,
      error: 'invalid halt request: reason: a reason is required',
    });
    expect(dispatch('halt', { reason: '   ' })).toEqual({
      ok: false,
      error: 'invalid halt request: reason: a reason is required',
    });
    expect(dispatch('halt', { reason: 'x', extra: 1 })).toEqual({
      ok: false,
      error: 'invalid halt request: Unrecognized key: "extra"',
    });
    expect(dispatch('nope', {})).toEqual({ ok: false, error: 'unknown request: nope' });
    expect(dispatch('trades', { limit: 'ten' })).toMatchObject({ ok: false });

    const halted = dispatch('halt', { reason: 'checking the news' });
    expect(halted).toMatchObject({
      ok: true,
      value: { halted: true, haltReason: 'checking the news', openingAllowed: false },
    });
    expect(dispatch('halt', { reason: 'again' })).toEqual({
      ok: false,
      error: 'trading is already halted (checking the news)',
    });
    const events = dispatch('breakerEvents', {});
    expect(events.ok && (events.value as { kind: string; reason: string }[])[0]).toMatchObject({
      kind: 'halt',
      reason: 'checking the news',
    });
    expect(dispatch('resume', {})).toMatchObject({ ok: true, value: { halted: false } });
    host.close();
  });

  it('continues after a restart from the checkpoint and the trades after it, still halted', () => {
    const dir = tempDir();
    const first = testHost(dir);
    first.stepNow(137);
    first.halt('restart test');
    const before = first.snapshot();
    first.close();

    const second = testHost(dir);
    const after = second.snapshot();
    expect(after.portfolio.cash).toBeCloseTo(before.portfolio.cash, 9);
    expect(after.positions.map((p) => p.qty)).toEqual(before.positions.map((p) => p.qty));
    expect(after.breaker).toMatchObject({ halted: true, haltReason: 'restart test' });
    expect(after.portfolio.time).toBe(before.portfolio.time);
    second.close();
  });

  it('replays the trades recorded after the last checkpoint (an unclean stop)', () => {
    const dir = tempDir();
    const first = testHost(dir);
    first.stepNow(203);
    const before = first.snapshot();
    // Simulate a crash: close the database without the shutdown checkpoint.
    first.db.close();

    const second = testHost(dir);
    const after = second.snapshot();
    expect(after.portfolio.cash).toBeCloseTo(before.portfolio.cash, 9);
    expect(after.portfolio.realizedPnl).toBeCloseTo(before.portfolio.realizedPnl, 9);
    expect(after.positions.map((p) => [p.qty, p.avgPrice])).toEqual(
      before.positions.map((p) => [p.qty, p.avgPrice]),
    );
    second.close();
  });

  it('halts on a full disk without losing anything, and trades again after Resume once there is space', () => {
    const dir = tempDir();
    const host = testHost(dir);
    host.stepNow(50);
    const fillsBefore = host.read.executionsPage(0, 1).total;
    // No room to grow: the next page the database needs fails with SQLITE_FULL.
    const pages = host.db.pragma('page_count', { simple: true }) as number;
    host.db.pragma(`max_page_count = ${pages}`);
    const statuses: (string | null)[] = [];
    host.subscribe((name, payload) => {
      if (name === 'status') statuses.push((payload as { fault: string | null }).fault);
    });
    for (let i = 0; i < 400 && host.status().fault === null; i++) host.stepNow(1);
    const fault = host.status().fault;
    expect(fault).toBe(
      'trading halted: the disk is full, so nothing more can be recorded. Nothing was lost; free some space and press Resume',
    );
    expect(statuses).toContain(fault);
    expect(host.stepNow(10)).toBe(0);
    expect(host.db.pragma('integrity_check', { simple: true })).toBe('ok');
    // The engine matches the database: every fill it knows of is stored.
    expect(host.read.executionsPage(0, 1).total).toBeGreaterThanOrEqual(fillsBefore);
    const cash = host.snapshot().portfolio.cash;

    host.db.pragma('max_page_count = 1073741823');
    expect(host.resume()).toMatchObject({ ok: true });
    expect(host.status().fault).toBeNull();
    host.close();
    const reopened = testHost(dir);
    expect(reopened.snapshot().portfolio.cash).toBeCloseTo(cash, 6);
    reopened.close();
  });

  it('marks a clean stop, and reports an unclean one at the next start', () => {
    const dir = tempDir();
    const first = testHost(dir);
    first.stepNow(20);
    first.close();
    const second = testHost(dir);
    expect(second.status().recovery).toBeNull();
    second.stepNow(5);
    const engineTime = second.snapshot().portfolio.time;
    second.db.close(); // a crash: no clean end
    const third = testHost(dir);
    // The second session's engine was warmed up on the first one's 20 steps, so, as an uninterrupted run
    // does, it decided an order at step 25, still working at the crash.
    expect(third.status().recovery).toBe(
      `recovered after an unclean stop at ${new Date(engineTime).toISOString()}; 1 working order was cancelled`,
    );
    third.close();
  });

  it('says the unclean stop of a session that committed no step came at its start, in wall-clock time', () => {
    // The notice gave the session's wall-clock start in the words used for engine time (2026 among 2024
    // market times), so it read as a market time.
    const dir = tempDir();
    testHost(dir).stepNow(3);
    const crashed = testHost(dir); // a crash before its first step: the previous one was not closed either
    crashed.db.close();
    const next = testHost(dir);
    expect(next.status().recovery).toBe(
      'recovered after an unclean stop of the session started at 2026-01-05T09:00:00.000Z (wall-clock time; no step was committed)',
    );
    next.close();
  });
});

describe('EngineHost with a locked database', () => {
  it('retries a bounded number of times, then halts with the reason, and resumes once the lock is gone', () => {
    const dir = tempDir();
    const host = new EngineHost({
      dataDir: dir,
      settings: testSettings(),
      seed: 11,
      logger,
      wallClock: () => Date.UTC(2026, 0, 5, 9, 0, 0),
      busyTimeoutMs: 20,
    });
    host.stepNow(30);
    const other = new Database(join(dir, 'botv2.sqlite'));
    other.exec('BEGIN IMMEDIATE');
    expect(host.stepNow(5)).toBe(0);
    expect(host.status().fault).toBe(
      'trading halted: the database stayed locked by another program. Close it and press Resume',
    );
    other.exec('ROLLBACK');
    other.close();
    expect(host.resume()).toMatchObject({ ok: true });
    expect(host.stepNow(5)).toBe(5);
    host.close();
  });
});

describe('EngineHost when the engine loop itself fails', () => {
  /** The synthetic market, except that reading the slices at the given steps throws. */
  function failingFeed(failAt: ReadonlySet<number>) {
    return (start: FeedStart): MarketFeed => {
      const inner = createDefaultFeed(start);
      let step = 0;
      return {
        get instruments() {
          return inner.instruments;
        },
        next() {
          step += 1;
          if (failAt.has(step)) throw new Error(`feed broke at step ${step}`);
          return inner.next();
        },
      };
    };
  }

  it('recovers from the last commit, lets 60 s of engine time pass, and trades on', () => {
    const host = new EngineHost({
      dataDir: tempDir(),
      settings: testSettings(),
      seed: 11,
      logger,
      createFeed: failingFeed(new Set([21])),
    });
    expect(host.stepNow(20)).toBe(20);
    const before = host.snapshot().portfolio.time;
    // Reading step 21 fails: nothing of it is committed; the market moves on through the next 60 s (the
    // next one-minute bar), and trading goes on with the bar after.
    host.stepNow(1);
    expect(host.status().fault).toBeNull();
    expect(host.snapshot().portfolio.time).toBe(before);
    expect(host.stepNow(1)).toBe(1);
    expect(host.snapshot().portfolio.time).toBe(before + 2 * 60_000);
    host.close();
  });

  it('stops trading after three failures in a row, with the reason', () => {
    const host = new EngineHost({
      dataDir: tempDir(),
      settings: testSettings(),
      seed: 11,
      logger,
      createFeed: failingFeed(new Set([6, 7, 9])),
    });
    host.stepNow(5);
    host.stepNow(1);
    host.stepNow(1);
    host.stepNow(1);
    expect(host.status().fault).toBe(
      'trading stopped after 3 failures of the engine loop in a row: feed broke at step 9',
    );
    expect(host.stepNow(5)).toBe(0);
    host.close();
  });
});
