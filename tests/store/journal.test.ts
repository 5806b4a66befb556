import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CircuitBreaker } from '../../src-main/engine/risk/circuit-breaker';
import type { TradeRecord, WorkingOrder } from '../../src-main/engine/ports';
import { openDatabase } from '../../src-main/store/database';
import { ReadModels } from '../../src-main/store/read-models';
import { Sessions } from '../../src-main/store/sessions';
import { SqliteJournal } from '../../src-main/store/sqlite-journal';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();

const order = (id: number): WorkingOrder => ({
  id,
  instrument: id % 2 ? 'A' : 'B',
  side: 'buy',
  qty: id,
  type: 'market',
  timeInForce: 'ioc',
  strategy: 'momentum',
  reason: `r${id}`,
  submittedAt: id * 1000 - 1,
  filledQty: 0,
});

const fill = (i: number, side: 'buy' | 'sell'): TradeRecord => ({
  orderId: i,
  liquidity: 'taker',
  time: i * 1000,
  instrument: i % 2 ? 'A' : 'B',
  side,
  qty: i,
  price: 100 + i,
  commission: 0.1,
  realizedPnl: 0,
  effect: 'open',
  strategy: 'momentum',
  reason: `r${i}`,
});

function store() {
  const db = openDatabase(join(tempDir(), 'j.sqlite'));
  const sessionId = new Sessions(db).start('test', 1, null);
  return { db, sessionId };
}

describe('SqliteJournal and ReadModels', () => {
  it('records orders with their decision and fills, and pages executions newest first with filters', () => {
    const { db, sessionId } = store();
    const journal = new SqliteJournal(db, sessionId);
    for (let i = 1; i <= 5; i++) {
      const decisionId = journal.recordDecision({ time: i, instrument: 'A', details: { why: i } });
      journal.recordOrder(order(i), decisionId);
      expect(journal.recordFill(fill(i, i % 3 ? 'buy' : 'sell'))).toBe(i);
      journal.updateOrder(i, 'filled', i);
    }
    const read = new ReadModels(db);
    const page = read.executionsPage(1, 2);
    expect(page.total).toBe(5);
    expect(page.items.map((t) => t.id)).toEqual([4, 3]);
    expect(page.items[0]).toEqual({ id: 4, ...fill(4, 'buy') });
    expect(read.executionsPage(0, 10, { instrument: 'A' }).items.map((t) => t.id)).toEqual([5, 3, 1]);
    expect(read.executionsPage(0, 10, { side: 'sell' }).items.map((t) => t.id)).toEqual([3]);
    expect(read.executionsAfter(3).map((t) => t.id)).toEqual([4, 5]);
    expect(db.prepare('SELECT status, filled_qty, decision_id FROM orders WHERE id = 2').get()).toEqual({
      status: 'filled',
      filled_qty: 2,
      decision_id: 2,
    });
    expect(
      JSON.parse(db.prepare('SELECT record FROM decisions WHERE id = 3').pluck().get() as string),
    ).toEqual({ why: 3 });
    expect(read.maxOrderId()).toBe(5);
    db.close();
  });

  it('refuses a fill for an order that was never recorded', () => {
    const { db, sessionId } = store();
    expect(() => new SqliteJournal(db, sessionId).recordFill(fill(9, 'buy'))).toThrow(/FOREIGN KEY/);
    db.close();
  });

  it('stores breaker events with both states, positions, round trips, and checkpoints with the last fill id', () => {
    const { db, sessionId } = store();
    const breaker = new CircuitBreaker(
      {
        levels: [
          { drawdown: 0.05, sizeMultiplier: 0.5 },
          { drawdown: 0.1, sizeMultiplier: 0.5 },
          { drawdown: 0.15, sizeMultiplier: 0 },
        ],
        cooldownMs: 0,
      },
      { equity: 100 },
    );
    const journal = new SqliteJournal(db, sessionId, () => breaker.remember());
    const halt = breaker.halt('lunch', 42);
    if (!halt.ok) throw new Error(halt.error);
    journal.recordBreakerEvent(halt.value);
    journal.recordOrder(order(1), null);
    const fillId = journal.recordFill(fill(1, 'buy'));
    const position = {
      instrument: 'A',
      qty: 3,
      avgPrice: 101,
      lastPrice: 102,
      openedAt: 1000,
      strategy: 'm',
      entryCommission: 0.1,
    };
    journal.savePosition(position, 1000);
    journal.recordRoundTrip(
      {
        instrument: 'A',
        side: 'long',
        qty: 1,
        entryTime: 1,
        exitTime: 2,
        entryPrice: 100,
        exitPrice: 101,
        pnl: 0.9,
        commission: 0.1,
        strategy: 'm',
      },
      fillId,
    );
    const checkpoint = {
      time: 50,
      cash: 1,
      equity: 2,
      realizedPnl: 3,
      commissions: 4,
      peakEquity: 5,
      positions: [position],
      lastCloses: { A: 102 },
    };
    journal.checkpoint(checkpoint);
    const read = new ReadModels(db);
    expect(read.breakerEvents(10)).toEqual([halt.value]);
    const latest = read.latestCheckpoint()!;
    expect(latest.lastFillId).toBe(1);
    expect(latest.breaker).toEqual(breaker.remember());
    expect(latest.checkpoint).toEqual(checkpoint);
    expect(read.checkpointEquity()).toEqual([{ time: 50, equity: 2, drawdown: 0.6 }]);
    expect(read.roundTrips()).toEqual([
      {
        instrument: 'A',
        side: 'long',
        qty: 1,
        entryTime: 1,
        exitTime: 2,
        entryPrice: 100,
        exitPrice: 101,
        pnl: 0.9,
        commission: 0.1,
        strategy: 'm',
      },
    ]);
    expect(db.prepare('SELECT instrument, qty FROM positions').all()).toEqual([{ instrument: 'A', qty: 3 }]);
    journal.savePosition({ ...position, qty: 0 }, 2000);
    expect(db.prepare('SELECT COUNT(*) FROM positions').pluck().get()).toBe(0);
    db.close();
  });
});
