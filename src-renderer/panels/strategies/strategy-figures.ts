import type { StrategyPnl } from '../../../src-shared/ipc/dashboard-schemas';

/**
 * Names of the two rates a strategy has, kept apart: the hit rate is the share of its scored signals whose
 * next bar moved their way; the win rate is the share of the round trips it opened that netted a gain
 * (docs/EXECUTION.md, Metrics), as "win rate" means in the risk view and the backtest report.
 */
export const RATE_LABELS = { hitRate: 'Hit rate', winRate: 'Win rate' } as const;

/** Won / closed round trips the strategy opened; null before its first (sorted last, never 0 %). */
export const winRateOf = (line: { pnl: StrategyPnl | null }): number | null =>
  line.pnl && line.pnl.trades > 0 ? line.pnl.wins / line.pnl.trades : null;
