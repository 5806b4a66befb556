import { z } from 'zod';
import { BreakerEventSchema, BreakerStateSchema, type BreakerEvent } from '../../src-shared/domain/risk';
import type { EquityPoint, Execution } from '../../src-shared/domain/trading';
import type { PortfolioCheckpoint, RoundTrip } from '../engine/ports';
import type { BreakerMemory } from '../engine/risk/circuit-breaker';
import { drawdownFrom } from '../engine/risk/drawdown';
import type { Db } from './database';

export interface ExecutionFilter {
  instrument?: string | undefined;
  strategy?: string | undefined;
  side?: 'buy' | 'sell' | undefined;
}

const PositionsJson = z.array(
  z.object({
    instrument: z.string(),
    qty: z.number(),
    avgPrice: z.number(),
    lastPrice: z.number(),
    openedAt: z.number(),
    strategy: z.string(),
    entryCommission: z.number(),
  }),
);
const BreakerMemoryJson = z
  .object({
    level: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]),
    halted: z.boolean(),
    haltReason: z.string().nullable(),
    peakEquity: z.number(),
    lastEquity: z.number(),
    cooldownUntil: z.number().nullable(),
    forcedLevel: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]).nullable(),
    forcedUntil: z.number().nullable(),
  })
  .nullable();

const EngineStateJson = z.object({ lastCloses: z.record(z.string(), z.number()).default({}) });

interface FillRow {
  id: number;
  order_id: number | null;
  time: number;
  instrument: string;
  side: 'buy' | 'sell';
  qty: number;
  price: number;
  commission: number;
  liquidity: 'maker' | 'taker';
  realized_pnl: number;
  effect: Execution['effect'];
  strategy: string;
  reason: string;
}

export interface LatestCheckpoint {
  checkpoint: PortfolioCheckpoint;
  breaker: BreakerMemory | null;
  lastFillId: number;
}

/** Read-side queries over the store, for the UI, exports and restoring state at start-up. */
export class ReadModels {
  constructor(private readonly db: Db) {}

  /** Executions, newest first. */
  executionsPage(
    offset: number,
    limit: number,
    filter: ExecutionFilter = {},
  ): { items: Execution[]; total: number } {
    const clauses: string[] = [];
    const params: Record<string, string> = {};
    for (const key of ['instrument', 'strategy', 'side'] as const) {
      const value = filter[key];
      if (value) {
        clauses.push(`${key} = @${key}`);
        params[key] = value;
      }
    }
    const where = clauses.length ? `WHERE ${clauses.join(' AND ')}` : '';
    const total = (this.db.prepare(`SELECT COUNT(*) AS n FROM fills ${where}`).get(params) as { n: number })
      .n;
    const rows = this.db
      .prepare(`SELECT * FROM fills ${where} ORDER BY id DESC LIMIT @limit OFFSET @offset`)
      .all({ ...params, limit, offset }) as FillRow[];
    return { items: rows.map(toExecution), total };
  }

  /** Executions recorded after the given id, oldest first (what a checkpoint does not yet reflect). */
  executionsAfter(id: number): Execution[] {
    const rows = this.db.prepare('SELECT * FROM fills WHERE id > ? ORDER BY id').all(id) as FillRow[];
    return rows.map(toExecution);
  }

  roundTrips(): RoundTrip[] {
    return this.db
      .prepare(
        `SELECT instrument, side, qty, entry_time AS entryTime, exit_time AS exitTime, entry_price AS entryPrice,
                exit_price AS exitPrice, pnl, commission, strategy FROM trades ORDER BY id`,
      )
      .all() as RoundTrip[];
  }

  /** The newest `limit` breaker events, newest first. */
  breakerEvents(limit: number): BreakerEvent[] {
    return this.db.prepare(`${BREAKER_EVENTS} ORDER BY id DESC LIMIT ?`).all(limit).map(breakerEventOfRow);
  }

  /** Every breaker event at or after the given engine time, oldest first (as they happened). */
  breakerEventsSince(time: number): BreakerEvent[] {
    return this.db.prepare(`${BREAKER_EVENTS} WHERE time >= ? ORDER BY id`).all(time).map(breakerEventOfRow);
  }

  /** Equity at every checkpoint, oldest first, with the drawdown from the peak recorded with it. */
  checkpointEquity(): EquityPoint[] {
    const rows = this.db
      .prepare('SELECT time, equity, peak_equity FROM portfolio_checkpoints ORDER BY id')
      .all() as {
      time: number;
      equity: number;
      peak_equity: number;
    }[];
    return rows.map((row) => ({
      time: row.time,
      equity: row.equity,
      drawdown: drawdownFrom(row.peak_equity, row.equity),
    }));
  }

  latestCheckpoint(): LatestCheckpoint | null {
    const row = this.db.prepare('SELECT * FROM portfolio_checkpoints ORDER BY id DESC LIMIT 1').get() as
      | {
          time: number;
          cash: number;
          equity: number;
          realized_pnl: number;
          commissions: number;
          peak_equity: number;
          positions: string;
          breaker: string;
          engine_state: string;
          last_fill_id: number;
        }
      | undefined;
    if (!row) return null;
    return {
      checkpoint: {
        time: row.time,
        cash: row.cash,
        equity: row.equity,
        realizedPnl: row.realized_pnl,
        commissions: row.commissions,
        peakEquity: row.peak_equity,
        positions: PositionsJson.parse(JSON.parse(row.positions)),
        lastCloses: EngineStateJson.parse(JSON.parse(row.engine_state)).lastCloses,
      },
      breaker: BreakerMemoryJson.parse(JSON.parse(row.breaker)),
      lastFillId: row.last_fill_id,
    };
  }

  /** The furthest engine time any session committed (steps without fills included), or null. */
  lastEngineTime(): number | null {
    return (
      (this.db.prepare('SELECT MAX(last_engine_time) FROM sessions').pluck().get() as number | null) ?? null
    );
  }

  /** The highest order id ever used, so a new session's orders never collide with old ones. */
  maxOrderId(): number {
    return (this.db.prepare('SELECT COALESCE(MAX(id), 0) AS id FROM orders').get() as { id: number }).id;
  }
}

function toExecution(row: FillRow): Execution {
  return {
    id: row.id,
    orderId: row.order_id,
    time: row.time,
    instrument: row.instrument,
    side: row.side,
    qty: row.qty,
    price: row.price,
    commission: row.commission,
    liquidity: row.liquidity,
    realizedPnl: row.realized_pnl,
    effect: row.effect,
    strategy: row.strategy,
    reason: row.reason,
  };
}

/** The columns of circuit_breaker_events that breakerEventOfRow reads. */
const BREAKER_EVENTS =
  'SELECT time, kind, actor, reason, state_before, state_after FROM circuit_breaker_events';

/** A row of circuit_breaker_events as the event it records (its states validated). */
function breakerEventOfRow(row: unknown): BreakerEvent {
  const { time, kind, actor, reason, state_before, state_after } = row as {
    time: number;
    kind: string;
    actor: string;
    reason: string;
    state_before: string;
    state_after: string;
  };
  return BreakerEventSchema.parse({
    time,
    kind,
    actor,
    reason,
    before: BreakerStateSchema.parse(JSON.parse(state_before)),
    after: BreakerStateSchema.parse(JSON.parse(state_after)),
  });
}
