import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src-main/store/database';
import { ReadModels } from '../../src-main/store/read-models';
import { SqliteJournal } from '../../src-main/store/sqlite-journal';
import { CircuitBreaker } from '../../src-main/engine/risk/circuit-breaker';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();

const trade = (i: number, side: 'buy' | 'sell') => ({
  orderId: i,
  liquidity: 'taker' as const,
  time: i * 1000,
  instrument: i % 2 ? 'A' : 'B',
  side,
  qty: i,
  price: 100 + i,
  commission: 0.1,
  realizedPnl: 0,
  effect: 'open' as const,
  strategy: 'momentum',
  reason: `r${i}`,
});

describe('SqliteJournal and ReadModels', () => {
  it('records trades and pages them newest first with filters', () => {
    const db = openDatabase(join(tempDir(), 'j.sqlite'));
    const journal = new SqliteJournal(db);
    for (let i = 1; i <= 5; i++) expect(journal.recordTrade(trade(i, i % 3 ? 'buy' : 'sell'))).toBe(i);
    const read = new ReadModels(db);
    const page = read.tradesPage(1, 2);
    expect(page.total).toBe(5);
    expect(page.items.map((t) => t.id)).toEqual([4, 3]);
    expect(page.items[0]).toEqual({ id: 4, ...trade(4, 'buy') });
    expect(read.tradesPage(0, 10, { instrument: 'A' }).items.map((t) => t.id)).toEqual([5, 3, 1]);
    expect(read.tradesPage(0, 10, { side: 'sell' }).items.map((t) => t.id)).toEqual([3]);
    expect(read.tradesAfter(3).map((t) => t.id)).toEqual([4, 5]);
    db.close();
  });

  it('stores breaker events with both states and checkpoints with the last trade id', () => {
    const db = openDatabase(join(tempDir(), 'k.sqlite'));
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
    const journal = new SqliteJournal(db, () => breaker.remember());
    const halt = breaker.halt('lunch', 42);
    if (!halt.ok) throw new Error(halt.error);
    journal.recordBreakerEvent(halt.value);
    journal.recordTrade(trade(1, 'buy'));
    journal.checkpoint({
      time: 50,
      cash: 1,
      equity: 2,
      realizedPnl: 3,
      commissions: 4,
      peakEquity: 5,
      positions: [],
    });
    const read = new ReadModels(db);
    expect(read.breakerEvents(10)).toEqual([halt.value]);
    const latest = read.latestCheckpoint()!;
    expect(latest.lastTradeId).toBe(1);
    expect(latest.breaker).toEqual(breaker.remember());
    expect(latest.checkpoint).toEqual({
      time: 50,
      cash: 1,
      equity: 2,
      realizedPnl: 3,
      commissions: 4,
      peakEquity: 5,
      positions: [],
    });
    expect(read.checkpointEquity()).toEqual([{ time: 50, equity: 2, drawdown: 0.6 }]);
    db.close();
  });
});
