import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TradeRecord, WorkingOrder } from '../../src-main/engine/ports';
import { DatabaseRefusedError, openDatabase, type Db } from '../../src-main/store/database';
import { MIGRATIONS, type Migration } from '../../src-main/store/migrations';
import { Sessions } from '../../src-main/store/sessions';
import { SqliteJournal } from '../../src-main/store/sqlite-journal';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const FIRST = MIGRATIONS.filter((m) => m.version === 1);

const order = (id: number, patch: Partial<WorkingOrder> = {}): WorkingOrder => ({
  id,
  instrument: 'SPY',
  side: id % 2 ? 'buy' : 'sell',
  qty: id,
  type: (['market', 'limit', 'stop', 'stop-limit'] as const)[id % 4]!,
  limitPrice: id % 4 === 1 ? 99.5 : undefined,
  timeInForce: 'gtc',
  strategy: 'trend',
  reason: `reason ${id}`,
  submittedAt: id * 60_000,
  filledQty: 0,
  ...patch,
});
const fill = (orderId: number, patch: Partial<TradeRecord> = {}): TradeRecord => ({
  orderId,
  time: orderId * 60_000 + 1,
  instrument: 'SPY',
  side: 'buy',
  qty: orderId,
  price: 100 + orderId / 8,
  commission: 0.25,
  liquidity: orderId % 2 ? 'maker' : 'taker',
  realizedPnl: orderId - 3,
  effect: (['open', 'increase', 'reduce', 'close', 'reverse'] as const)[orderId % 5]!,
  strategy: 'trend',
  reason: `fill ${orderId}`,
  ...patch,
});

const dump = (db: Db, table: string): unknown[] => db.prepare(`SELECT * FROM ${table} ORDER BY id`).all();

function insertError(run: () => void): string {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  return 'no error';
}

describe('migration 2: list checks written as comparisons', () => {
  it('upgrades a version-1 database keeping every row, the indexes and the foreign keys', () => {
    const file = join(tempDir(), 'v1.sqlite');
    const v1 = openDatabase(file, FIRST);
    const journal = new SqliteJournal(v1, new Sessions(v1).start('paper', 0, null));
    v1.transaction(() => {
      for (let id = 1; id <= 40; id++) {
        journal.recordOrder(order(id), null);
        const fillId = journal.recordFill(fill(id));
        journal.updateOrder(id, id % 3 ? 'filled' : 'cancelled', id);
        if (id % 10 === 0)
          journal.recordRoundTrip(
            {
              instrument: 'SPY',
              side: 'long',
              qty: 1,
              entryTime: 0,
              exitTime: id,
              entryPrice: 100,
              exitPrice: 101,
              pnl: 1,
              commission: 0.5,
              strategy: 'trend',
            },
            fillId,
          );
      }
    })();
    const before = { orders: dump(v1, 'orders'), fills: dump(v1, 'fills'), trades: dump(v1, 'trades') };
    v1.close();

    const db = openDatabase(file);
    expect(db.prepare('SELECT MAX(version) FROM schema_migrations').pluck().get()).toBe(2);
    expect(dump(db, 'orders')).toEqual(before.orders);
    expect(dump(db, 'fills')).toEqual(before.fills);
    expect(dump(db, 'trades')).toEqual(before.trades);
    expect(before.fills).toHaveLength(40);
    const indexes = db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('orders', 'fills') ORDER BY name",
      )
      .pluck()
      .all();
    expect(indexes).toEqual(['fills_by_order', 'fills_by_time', 'orders_by_time']);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE name LIKE '%rebuilt%'").all();
    expect(tables).toEqual([]);
    // References still enforced both ways: a fill of an unknown order, deleting an order with fills.
    const journal2 = new SqliteJournal(db, 1);
    expect(insertError(() => journal2.recordFill(fill(999)))).toBe('FOREIGN KEY constraint failed');
    expect(insertError(() => db.prepare('DELETE FROM orders WHERE id = 5').run())).toBe(
      'FOREIGN KEY constraint failed',
    );
    db.close();
  });

  it('rejects the same values with the same messages as version 1', () => {
    const messages = (db: Db): string[] => {
      const journal = new SqliteJournal(db, new Sessions(db).start('paper', 0, null));
      journal.recordOrder(order(1), null);
      const bad = (value: string): WorkingOrder['type'] => value as WorkingOrder['type'];
      return [
        insertError(() => journal.recordOrder(order(2, { type: bad('Market') }), null)),
        insertError(() => journal.recordOrder(order(3, { type: bad('stop limit') }), null)),
        insertError(() => journal.updateOrder(1, 'done' as 'filled', 1)),
        insertError(() => journal.recordFill(fill(1, { effect: 'flip' as 'open' }))),
        insertError(() => journal.recordFill(fill(1, { side: 'short' as 'buy' }))),
        insertError(() => journal.recordOrder(order(4, { type: 'stop-limit' }), null)),
        insertError(() => journal.updateOrder(1, 'cancelled', 0)),
        insertError(() => journal.recordFill(fill(1, { effect: 'reverse' }))),
      ];
    };
    const v1 = openDatabase(join(tempDir(), 'one.sqlite'), FIRST);
    const v2 = openDatabase(join(tempDir(), 'two.sqlite'));
    const expected = [
      "CHECK constraint failed: type IN ('market', 'limit', 'stop', 'stop-limit')",
      "CHECK constraint failed: type IN ('market', 'limit', 'stop', 'stop-limit')",
      "CHECK constraint failed: status IN ('working', 'filled', 'cancelled')",
      "CHECK constraint failed: effect IN ('open', 'increase', 'reduce', 'close', 'reverse')",
      "CHECK constraint failed: side IN ('buy', 'sell')",
      'no error',
      'no error',
      'no error',
    ];
    expect(messages(v1)).toEqual(expected);
    expect(messages(v2)).toEqual(expected);
    v1.close();
    v2.close();
  });

  it('refuses a migration that would leave a broken reference, and changes nothing', () => {
    const file = join(tempDir(), 'broken.sqlite');
    const db = openDatabase(file);
    const journal = new SqliteJournal(db, new Sessions(db).start('paper', 0, null));
    journal.recordOrder(order(1), null);
    journal.recordFill(fill(1));
    db.close();
    const breaking: Migration = { version: 3, name: 'drop orders', sql: 'DELETE FROM orders' };
    expect(() => openDatabase(file, [...MIGRATIONS, breaking])).toThrow(
      new DatabaseRefusedError(
        `${file}: migration 3 (drop orders) would leave 1 broken reference(s); nothing was changed`,
      ),
    );
    const again = openDatabase(file);
    expect(again.prepare('SELECT COUNT(*) FROM orders').pluck().get()).toBe(1);
    expect(again.prepare('SELECT MAX(version) FROM schema_migrations').pluck().get()).toBe(2);
    again.close();
  });
});
