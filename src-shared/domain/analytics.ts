import { z } from 'zod';
import { SignalSchema } from './strategy';

/** One row of the strategies table: allocation, performance and what it last said. */
export const StrategyRowSchema = z.object({
  id: z.string(),
  name: z.string(),
  category: z.enum(['base', 'advanced']),
  /** Current allocation weight, 0–1. */
  weight: z.number(),
  /** Sharpe of its per-bar signal returns at the last rebalance, and the smoothed value used for weights. */
  sharpe: z.number(),
  smoothedSharpe: z.number(),
  /** Share of scored directional signals whose next bar moved its way; null before any is scored. */
  hitRate: z.number().nullable(),
  /** Sum of its per-bar signal returns (a return per unit of signal, not money). */
  signalReturn: z.number(),
  signals: z.number().int().nonnegative(),
  errors: z.number().int().nonnegative(),
  lastSignal: SignalSchema.nullable(),
  abstainReason: z.string().nullable(),
});
export type StrategyRow = z.infer<typeof StrategyRowSchema>;

/** The risk panel's figures beyond the breaker state. */
export const RiskViewSchema = z.object({
  time: z.number(),
  /** Σ |position value| / equity. */
  grossExposure: z.number(),
  kelly: z.object({
    trades: z.number().int().nonnegative(),
    winRate: z.number(),
    payoff: z.number().nullable(),
    fullKelly: z.number(),
    shrinkage: z.number(),
    kelly: z.number(),
    /** Share of full Kelly used (settings). */
    fraction: z.number(),
  }),
  correlation: z.object({
    strategyIds: z.array(z.string()),
    /** Row-major n × n. */
    matrix: z.array(z.number()),
    portfolioCorrelation: z.number(),
    penalty: z.number(),
    threshold: z.number(),
  }),
  cascade: z.array(
    z.object({ instrument: z.string(), level: z.enum(['low', 'elevated', 'high']), score: z.number() }),
  ),
});
export type RiskView = z.infer<typeof RiskViewSchema>;
