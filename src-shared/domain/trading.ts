import { z } from 'zod';
import { EpochMs, InstrumentIdSchema } from './market';

export const SideSchema = z.enum(['buy', 'sell']);
export type Side = z.infer<typeof SideSchema>;

/** What an execution did to the position it touched; lets the UI and audits tell opening from reducing. */
export const PositionEffectSchema = z.enum(['open', 'increase', 'reduce', 'close', 'reverse']);
export type PositionEffect = z.infer<typeof PositionEffectSchema>;

/** One executed trade (a fill), as persisted and shown in the trade log. */
export const ExecutionSchema = z.object({
  id: z.number().int().positive(),
  /** The order this execution belongs to (an order may fill in several parts). */
  orderId: z.number().int().positive().nullable(),
  time: EpochMs,
  instrument: InstrumentIdSchema,
  side: SideSchema,
  qty: z.number().positive(),
  /** 0 only when a prediction contract settled at 0. */
  price: z.number().nonnegative(),
  commission: z.number().nonnegative(),
  liquidity: z.enum(['maker', 'taker']),
  /** Realised P&L of the part of the position this trade closed, before commission. */
  realizedPnl: z.number(),
  effect: PositionEffectSchema,
  strategy: z.string(),
  reason: z.string(),
});
export type Execution = z.infer<typeof ExecutionSchema>;

export const PositionSchema = z.object({
  instrument: InstrumentIdSchema,
  /** Signed quantity: positive long, negative short. */
  qty: z.number(),
  avgPrice: z.number().nonnegative(),
  lastPrice: z.number().nonnegative(),
  unrealizedPnl: z.number(),
});
export type Position = z.infer<typeof PositionSchema>;

export const PortfolioSchema = z.object({
  time: EpochMs,
  cash: z.number(),
  equity: z.number(),
  realizedPnl: z.number(),
  unrealizedPnl: z.number(),
  commissions: z.number().nonnegative(),
  initialCash: z.number().positive(),
});
export type Portfolio = z.infer<typeof PortfolioSchema>;

export const EquityPointSchema = z.object({
  time: EpochMs,
  equity: z.number(),
  drawdown: z.number().min(0).max(1),
});
export type EquityPoint = z.infer<typeof EquityPointSchema>;
