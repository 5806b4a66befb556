import { z } from 'zod';
import { BreakerEventSchema, BreakerStateSchema, type BreakerEvent } from '../../src-shared/domain/risk';
import type { EquityPoint, Trade } from '../../src-shared/domain/trading';
import type { PortfolioCheckpoint } from '../engine/ports';
import type { BreakerMemory } from '../engine/risk/circuit-breaker';
import { drawdownFrom } from '../engine/risk/drawdown';
import type { Db } from './database';

export interface TradeFilter {
  instrument?: string | undefined;
  strategy?: string | undefined;
  side?: 'buy' | 'sell' | undefined;
}

const PositionsJson = z.array(
  z.object({ instrument: z.string(), qty: z.number(), avgPrice: z.number(), lastPrice: z.number() }),
);
const BreakerMemoryJson = z
  .object({
    level: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]),
    halted: z.boolean(),
    haltReason: z.string().nullable(),
    peakEquity: z.number(),
    lastEquity: z.number(),
    cooldownUntil: z.number().nullable(),
  })
  .nullable();

interface TradeRow {
  id: number;
  order_id: number;
  liquidity: 'maker' | 'taker';
  time: number;
  instrument: string;
  side: 'buy' | 'sell';
  qty: number;
  price: number;
  commission: number;
  realized_pnl: number;
  effect: Trade['effect'];
  strategy: string;
  reason: string;
}

/** Read-side queries over the store, for the UI and for restoring state at start-up. */
export class ReadModels {
  constructor(private readonly db: Db) {}

  /** Newest first. */
  tradesPage(offset: number, limit: number, filter: TradeFilter = {}): { items: Trade[]; total: number } {
    const clauses: string[] = [];
    const params: Record<string, string> = {};
    if (filter.instrument) {
      clauses.push('instrument = @instrument');
      params.instrument = filter.instrument;
    }
    if (filter.strategy) {
      clauses.push('strategy = @strategy');
      params.strategy = filter.strategy;
    }
    if (filter.side) {
      clauses.push('side = @side');
      params.side = filter.side;
    }
    const where = clauses.length ? `WHERE ${clauses.join(' AND ')}` : '';
    const total = (this.db.prepare(`SELECT COUNT(*) AS n FROM trades ${where}`).get(params) as { n: number })
      .n;
    const rows = this.db
      .prepare(`SELECT * FROM trades ${where} ORDER BY id DESC LIMIT @limit OFFSET @offset`)
      .all({ ...params, limit, offset }) as TradeRow[];
    return { items: rows.map(toTrade), total };
  }

  breakerEvents(limit: number): BreakerEvent[] {
    const rows = this.db
      .prepare(
        'SELECT time, kind, actor, reason, state_before, state_after FROM circuit_breaker_events ORDER BY id DESC LIMIT ?',
      )
      .all(limit) as {
      time: number;
      kind: string;
      actor: string;
      reason: string;
      state_before: string;
      state_after: string;
    }[];
    return rows.map((row) =>
      BreakerEventSchema.parse({
        time: row.time,
        kind: row.kind,
        actor: row.actor,
        reason: row.reason,
        before: BreakerStateSchema.parse(JSON.parse(row.state_before)),
        after: BreakerStateSchema.parse(JSON.parse(row.state_after)),
      }),
    );
  }

  /** Trades recorded after the given id, oldest first (what a checkpoint does not yet reflect). */
  tradesAfter(id: number): Trade[] {
    const rows = this.db.prepare('SELECT * FROM trades WHERE id > ? ORDER BY id').all(id) as TradeRow[];
    return rows.map(toTrade);
  }

  /** The newest breaker event after the given engine time, if any. */
  lastBreakerEventSince(time: number): BreakerEvent | null {
    const [latest] = this.breakerEvents(1);
    return latest && latest.time >= time ? latest : null;
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

  latestCheckpoint(): {
    checkpoint: PortfolioCheckpoint;
    breaker: BreakerMemory | null;
    lastTradeId: number;
  } | null {
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
          last_trade_id: number;
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
      },
      breaker: BreakerMemoryJson.parse(JSON.parse(row.breaker)),
      lastTradeId: row.last_trade_id,
    };
  }
}

function toTrade(row: TradeRow): Trade {
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
