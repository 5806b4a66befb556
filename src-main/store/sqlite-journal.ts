import type { BreakerEvent } from '../../src-shared/domain/risk';
import type { Journal, PortfolioCheckpoint, TradeRecord } from '../engine/ports';
import type { BreakerMemory } from '../engine/risk/circuit-breaker';
import type { Db } from './database';

/**
 * The engine's Journal on SQLite. Each call is its own committed transaction (WAL, synchronous=FULL), so
 * when it returns the row is durable and the engine may tell others about it.
 */
export class SqliteJournal implements Journal {
  private readonly insertTrade;
  private readonly insertBreakerEvent;
  private readonly insertCheckpoint;
  private lastTradeId: number;

  constructor(
    private readonly db: Db,
    /** The breaker's full memory, saved with each checkpoint so a restart resumes the same state. */
    private readonly breakerMemory: () => BreakerMemory | null = () => null,
  ) {
    this.lastTradeId = (
      db.prepare('SELECT COALESCE(MAX(id), 0) AS id FROM trades').get() as { id: number }
    ).id;
    this.insertTrade = db.prepare(
      `INSERT INTO trades (order_id, time, instrument, side, qty, price, commission, liquidity, realized_pnl, effect, strategy, reason)
       VALUES (@orderId, @time, @instrument, @side, @qty, @price, @commission, @liquidity, @realizedPnl, @effect, @strategy, @reason)`,
    );
    this.insertBreakerEvent = db.prepare(
      `INSERT INTO circuit_breaker_events (time, kind, actor, reason, level_before, level_after, state_before, state_after)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertCheckpoint = db.prepare(
      `INSERT INTO portfolio_checkpoints (time, cash, equity, realized_pnl, commissions, peak_equity, positions, breaker, last_trade_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
  }

  recordTrade(trade: TradeRecord): number {
    const {
      orderId,
      time,
      instrument,
      side,
      qty,
      price,
      commission,
      liquidity,
      realizedPnl,
      effect,
      strategy,
      reason,
    } = trade;
    const info = this.insertTrade.run({
      orderId,
      liquidity,
      time,
      instrument,
      side,
      qty,
      price,
      commission,
      realizedPnl,
      effect,
      strategy,
      reason,
    });
    this.lastTradeId = Number(info.lastInsertRowid);
    return this.lastTradeId;
  }

  recordBreakerEvent(event: BreakerEvent): void {
    this.insertBreakerEvent.run(
      event.time,
      event.kind,
      event.actor,
      event.reason,
      event.before.level,
      event.after.level,
      JSON.stringify(event.before),
      JSON.stringify(event.after),
    );
  }

  checkpoint(c: PortfolioCheckpoint): void {
    this.insertCheckpoint.run(
      c.time,
      c.cash,
      c.equity,
      c.realizedPnl,
      c.commissions,
      c.peakEquity,
      JSON.stringify(c.positions),
      JSON.stringify(this.breakerMemory()),
      this.lastTradeId,
    );
  }
}
