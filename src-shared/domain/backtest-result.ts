import { z } from 'zod';
import { BreakerEventKindSchema } from './risk';

// The JSON a backtest produces (`botv2 backtest --json`, the worker's `done` message, the `runs.results`
// column). Field names are snake_case as printed; times are ISO 8601 UTC strings of engine time (a bar's
// close stamp, docs/BACKTESTING.md). Metrics that are undefined are null, never a made-up number.
// Shared by the main process (runs, CLI, worker) and the renderer (the backtest view).

const iso = z.string();
const nullableNumber = z.number().nullable();

/** A closed round trip. */
export const BacktestTradeSchema = z.object({
  entry_time: iso,
  exit_time: iso,
  instrument: z.string(),
  side: z.enum(['long', 'short']),
  qty: z.number(),
  entry_price: z.number(),
  exit_price: z.number(),
  /** Net P&L: price P&L less the commission of this round trip. */
  pnl: z.number(),
  /** Price P&L before commission: qty × (exit − entry), sign flipped for a short. */
  gross_pnl: z.number(),
  /** Entry and exit commission of this quantity. */
  commission: z.number(),
  strategy: z.string(),
});
export type BacktestTrade = z.infer<typeof BacktestTradeSchema>;

/** A position still open at the end, marked to its last close. */
export const OpenPositionSchema = z.object({
  instrument: z.string(),
  side: z.enum(['long', 'short']),
  qty: z.number(),
  entry_time: iso,
  entry_price: z.number(),
  last_price: z.number(),
  unrealized_pnl: z.number(),
  strategy: z.string(),
});

/** The metrics of docs/EXECUTION.md "Metrics", plus fills and commission paid. */
export const BacktestMetricsSchema = z.object({
  total_return: z.number(),
  cagr: nullableNumber,
  sharpe: nullableNumber,
  sortino: nullableNumber,
  calmar: nullableNumber,
  max_drawdown: z.number(),
  max_drawdown_peak: iso.nullable(),
  max_drawdown_trough: iso.nullable(),
  max_drawdown_recovery: iso.nullable(),
  max_drawdown_duration_ms: z.number(),
  max_drawdown_duration_days: z.number(),
  trades: z.number(),
  wins: z.number(),
  losses: z.number(),
  win_rate: nullableNumber,
  gross_profit: z.number(),
  gross_loss: z.number(),
  profit_factor: nullableNumber,
  expectancy: nullableNumber,
  exposure: nullableNumber,
  turnover: nullableNumber,
  commission: z.number(),
  fills: z.number(),
});
export type BacktestMetrics = z.infer<typeof BacktestMetricsSchema>;

/** One strategy's round trips and P&L, by the strategy that opened each position. */
export const AttributionSchema = z.object({
  strategy: z.string(),
  trades: z.number(),
  wins: z.number(),
  gross_pnl: z.number(),
  commission: z.number(),
  pnl: z.number(),
});

/** A circuit-breaker event as the result lists it. */
export const BreakerEventRowSchema = z.object({
  time: iso,
  kind: BreakerEventKindSchema,
  /** Level after the event (0 = normal, 3 = trading stopped), and before it. */
  level: z.number(),
  level_before: z.number(),
  /** Drawdown from peak equity when it happened, as a fraction. */
  drawdown: z.number(),
  trigger: z.enum(['automatic', 'manual']),
  reason: z.string(),
});

/** A point of the downsampled equity and drawdown curves. */
export const EquityPointSchema = z.object({
  time: iso,
  equity: z.number(),
  drawdown: z.number(),
});
export type EquityCurvePoint = z.infer<typeof EquityPointSchema>;

/** The whole result of a run. */
export const BacktestResultSchema = z.object({
  mode: z.enum(['pipeline', 'classic']),
  /** What was replayed: CSV files, or the synthetic market with its seed, scenario and length. */
  data: z.union([
    z.object({ feed: z.literal('csv'), files: z.array(z.string()) }),
    z.object({ feed: z.literal('synthetic'), seed: z.number(), scenario: z.string(), bars: z.number() }),
  ]),
  from: z.string().nullable(),
  to: z.string().nullable(),
  seed: z.number(),
  strategies: z.array(z.string()),
  /** Classic mode's parameters (fast, slow, size, commission, slippage); null in pipeline mode. */
  parameters: z.record(z.string(), z.number()).nullable(),
  /** Bars fed to the engine (every instrument's), and the engine steps (time slices) they made. */
  bars: z.number(),
  slices: z.number(),
  elapsed_ms: z.number(),
  start: iso.nullable(),
  end: iso.nullable(),
  initial_cash: z.number(),
  final_equity: z.number(),
  metrics: BacktestMetricsSchema,
  attribution: z.array(AttributionSchema),
  trades: z.array(BacktestTradeSchema),
  open_positions: z.array(OpenPositionSchema),
  breaker_events: z.array(BreakerEventRowSchema),
  /** Orders the risk manager refused, in total and by reason. */
  refusals: z.object({ total: z.number(), by_reason: z.record(z.string(), z.number()) }),
  /** Slices refused by the engine, and data problems by rule (errors skip the bar, warnings do not). */
  data_issues: z.object({
    rejected_slices: z.number(),
    by_rule: z.record(z.string(), z.number()),
    /** The first few problems as `file:line: message` (or `instrument time: message`). */
    examples: z.array(z.string()),
  }),
  /** The equity curve and its drawdown, downsampled (LTTB) to at most a few hundred points each. */
  equity_curve: z.array(EquityPointSchema),
  drawdown_curve: z.array(EquityPointSchema),
});
export type BacktestResult = z.infer<typeof BacktestResultSchema>;
