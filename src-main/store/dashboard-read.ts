import type { Execution } from '../../src-shared/domain/trading';
import type { Db } from './database';

// Read-only SQL for the dashboard: the trade log (stable pages while fills arrive), its filter options, the
// decision behind a fill, and the append-only tables the metrics are computed from, read incrementally.

export interface FillFilter {
  instrument?: string | undefined;
  strategy?: string | undefined;
  side?: 'buy' | 'sell' | undefined;
}

export interface FillPageQuery extends FillFilter {
  offset: number;
  limit: number;
  /** Only fills with id ≤ maxId; the newest fill when undefined. */
  maxId?: number | undefined;
}

export interface OrderRow {
  id: number;
  type: string;
  side: 'buy' | 'sell';
  qty: number;
  limitPrice: number | null;
  status: string;
  filledQty: number;
  strategy: string;
  reason: string;
}

export interface DecisionRow {
  id: number;
  time: number;
  instrument: string;
  /** The JSON text the engine wrote. */
  record: string;
}

/** A closed round trip as stored (the `trades` table), with its row id. */
export interface RoundTripRow {
  id: number;
  instrument: string;
  side: 'long' | 'short';
  qty: number;
  entryTime: number;
  exitTime: number;
  entryPrice: number;
  exitPrice: number;
  pnl: number;
  commission: number;
  strategy: string;
}

export interface PerformanceRow {
  id: number;
  time: number;
  equity: number;
}

const EXECUTION_COLUMNS = `id, order_id AS orderId, time, instrument, side, qty, price, commission, liquidity,
  realized_pnl AS realizedPnl, effect, strategy, reason`;

/** Read queries of the dashboard; one instance per connection, statements prepared once. */
export class DashboardRead {
  private readonly newestFill;
  private readonly orderById;
  private readonly decisionById;
  private readonly fillById;
  private readonly tripsAfter;
  private readonly performanceAfter;
  private readonly labelsAfter;

  constructor(private readonly db: Db) {
    this.newestFill = db.prepare('SELECT COALESCE(MAX(id), 0) FROM fills').pluck();
    this.fillById = db.prepare(`SELECT ${EXECUTION_COLUMNS} FROM fills WHERE id = ?`);
    this.orderById = db.prepare(
      `SELECT id, type, side, qty, limit_price AS limitPrice, status, filled_qty AS filledQty, strategy, reason,
              decision_id AS decisionId
       FROM orders WHERE id = ?`,
    );
    this.decisionById = db.prepare('SELECT id, time, instrument, record FROM decisions WHERE id = ?');
    this.tripsAfter = db.prepare(
      `SELECT id, instrument, side, qty, entry_time AS entryTime, exit_time AS exitTime, entry_price AS entryPrice,
              exit_price AS exitPrice, pnl, commission, strategy
       FROM trades WHERE id > ? ORDER BY id LIMIT ?`,
    );
    this.labelsAfter = db.prepare(
      'SELECT id, instrument, strategy FROM fills WHERE id > ? ORDER BY id LIMIT ?',
    );
    this.performanceAfter = db.prepare(
      'SELECT id, time, equity FROM performance_metrics WHERE id > ? ORDER BY id LIMIT ?',
    );
  }

  /**
   * Fills matching the filter with id ≤ maxId, newest first, from `offset`; with the count of all of them.
   * Fixing maxId keeps every row at its offset while new fills arrive (they all have larger ids).
   */
  fillsPage(query: FillPageQuery): { items: Execution[]; total: number; maxId: number } {
    const maxId = query.maxId ?? (this.newestFill.get() as number);
    const clauses = ['id <= @maxId'];
    const params: Record<string, string | number> = { maxId };
    for (const key of ['instrument', 'strategy', 'side'] as const) {
      const value = query[key];
      if (value !== undefined) {
        clauses.push(`${key} = @${key}`);
        params[key] = value;
      }
    }
    const where = `WHERE ${clauses.join(' AND ')}`;
    const total = this.db.prepare(`SELECT COUNT(*) FROM fills ${where}`).pluck().get(params) as number;
    const items = this.db
      .prepare(`SELECT ${EXECUTION_COLUMNS} FROM fills ${where} ORDER BY id DESC LIMIT @limit OFFSET @offset`)
      .all({ ...params, limit: query.limit, offset: query.offset }) as Execution[];
    return { items, total, maxId };
  }

  /** Instrument and strategy of the fills with an id above `afterId`, oldest first, at most `limit`. */
  fillLabelsAfter(afterId: number, limit: number): { id: number; instrument: string; strategy: string }[] {
    return this.labelsAfter.all(afterId, limit) as { id: number; instrument: string; strategy: string }[];
  }

  fill(id: number): Execution | null {
    return (this.fillById.get(id) as Execution | undefined) ?? null;
  }

  /** An order and the id of the decision that produced it. */
  order(id: number): (OrderRow & { decisionId: number | null }) | null {
    return (this.orderById.get(id) as (OrderRow & { decisionId: number | null }) | undefined) ?? null;
  }

  decision(id: number): DecisionRow | null {
    return (this.decisionById.get(id) as DecisionRow | undefined) ?? null;
  }

  /** Closed round trips with a row id above `afterId`, oldest first, at most `limit`. */
  roundTripsAfter(afterId: number, limit: number): RoundTripRow[] {
    return this.tripsAfter.all(afterId, limit) as RoundTripRow[];
  }

  /** Equity samples (one per checkpoint) with a row id above `afterId`, oldest first, at most `limit`. */
  performanceSamplesAfter(afterId: number, limit: number): PerformanceRow[] {
    return this.performanceAfter.all(afterId, limit) as PerformanceRow[];
  }
}
