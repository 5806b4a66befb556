import type { BreakerEvent } from '../../src-shared/domain/risk';
import type {
  DecisionRecord,
  Journal,
  PerformanceSample,
  PortfolioCheckpoint,
  PositionRecord,
  RoundTrip,
  TradeRecord,
  WorkingOrder,
} from '../engine/ports';
import type { BreakerMemory } from '../engine/risk/circuit-breaker';
import type { Db } from './database';

/**
 * The engine's Journal on SQLite, over the one writer connection. Statements run inside the transaction
 * the host opens around each step (or batch of steps); nothing here commits on its own.
 */
export class SqliteJournal implements Journal {
  private readonly statements;
  private lastFillId: number;

  constructor(
    db: Db,
    private readonly sessionId: number,
    /** The breaker's full memory, saved with each checkpoint so a restart resumes the same state. */
    private readonly breakerMemory: () => BreakerMemory | null = () => null,
  ) {
    this.lastFillId = (db.prepare('SELECT COALESCE(MAX(id), 0) AS id FROM fills').get() as { id: number }).id;
    this.statements = {
      decision: db.prepare('INSERT INTO decisions (time, instrument, record) VALUES (?, ?, ?)'),
      order: db.prepare(
        `INSERT INTO orders (id, session_id, time, instrument, side, qty, type, limit_price, stop_price, time_in_force, status, filled_qty, strategy, reason, decision_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'working', 0, ?, ?, ?)`,
      ),
      orderStatus: db.prepare('UPDATE orders SET status = ?, filled_qty = ? WHERE id = ?'),
      fill: db.prepare(
        `INSERT INTO fills (order_id, time, instrument, side, qty, price, commission, liquidity, realized_pnl, effect, strategy, reason)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      roundTrip: db.prepare(
        `INSERT INTO trades (instrument, side, qty, entry_time, exit_time, entry_price, exit_price, pnl, commission, strategy, closing_fill_id)
         VALUES (@instrument, @side, @qty, @entryTime, @exitTime, @entryPrice, @exitPrice, @pnl, @commission, @strategy, @closingFillId)`,
      ),
      positionUpsert: db.prepare(
        `INSERT INTO positions (instrument, qty, avg_price, last_price, opened_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (instrument) DO UPDATE SET qty = excluded.qty, avg_price = excluded.avg_price,
           last_price = excluded.last_price, opened_at = excluded.opened_at, updated_at = excluded.updated_at`,
      ),
      positionDelete: db.prepare('DELETE FROM positions WHERE instrument = ?'),
      breaker: db.prepare(
        `INSERT INTO circuit_breaker_events (time, kind, actor, reason, level_before, level_after, state_before, state_after)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      performance: db.prepare(
        `INSERT INTO performance_metrics (time, equity, cash, drawdown, exposure, realized_pnl, unrealized_pnl)
         VALUES (@time, @equity, @cash, @drawdown, @exposure, @realizedPnl, @unrealizedPnl)`,
      ),
      checkpoint: db.prepare(
        `INSERT INTO portfolio_checkpoints (time, cash, equity, realized_pnl, commissions, peak_equity, positions, breaker, engine_state, last_fill_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
    };
  }

  recordDecision(decision: DecisionRecord): number {
    const info = this.statements.decision.run(
      decision.time,
      decision.instrument,
      JSON.stringify(decision.details),
    );
    return Number(info.lastInsertRowid);
  }

  recordOrder(order: WorkingOrder, decisionId: number | null): void {
    this.statements.order.run(
      order.id,
      this.sessionId,
      order.submittedAt,
      order.instrument,
      order.side,
      order.qty,
      order.type,
      order.limitPrice ?? null,
      order.stopPrice ?? null,
      order.timeInForce,
      order.strategy,
      order.reason,
      decisionId,
    );
  }

  updateOrder(orderId: number, status: 'working' | 'filled' | 'cancelled', filledQty: number): void {
    this.statements.orderStatus.run(status, filledQty, orderId);
  }

  recordFill(f: TradeRecord): number {
    const info = this.statements.fill.run(
      f.orderId,
      f.time,
      f.instrument,
      f.side,
      f.qty,
      f.price,
      f.commission,
      f.liquidity,
      f.realizedPnl,
      f.effect,
      f.strategy,
      f.reason,
    );
    this.lastFillId = Number(info.lastInsertRowid);
    return this.lastFillId;
  }

  recordRoundTrip(trip: RoundTrip, closingFillId: number): void {
    this.statements.roundTrip.run({ ...trip, closingFillId });
  }

  savePosition(position: PositionRecord, time: number): void {
    if (position.qty === 0) {
      this.statements.positionDelete.run(position.instrument);
      return;
    }
    const { instrument, qty, avgPrice, lastPrice, openedAt } = position;
    this.statements.positionUpsert.run(instrument, qty, avgPrice, lastPrice, openedAt, time);
  }

  recordBreakerEvent(event: BreakerEvent): void {
    this.statements.breaker.run(
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

  recordPerformance(sample: PerformanceSample): void {
    this.statements.performance.run(sample);
  }

  checkpoint(c: PortfolioCheckpoint): void {
    this.statements.checkpoint.run(
      c.time,
      c.cash,
      c.equity,
      c.realizedPnl,
      c.commissions,
      c.peakEquity,
      JSON.stringify(c.positions),
      JSON.stringify(this.breakerMemory()),
      JSON.stringify({ lastCloses: c.lastCloses }),
      this.lastFillId,
    );
  }
}
