import { calmar, maxDrawdown, type MaxDrawdown } from './drawdown';
import { checkEquitySeries } from './equity-series';
import { exposure, turnover } from './exposure';
import { cagr, sharpe, sortino, totalReturn } from './returns';
import { buildRoundTrips } from './round-trips';
import { attribution, tradeStats, type StrategyAttribution, type TradeStats } from './trades';
import type { EquitySeries, OpenPosition, RoundTrip, TradeFill } from './types';

/** The backtest report's figures (docs/EXECUTION.md, "Metrics", for every convention). */
export interface BacktestReport extends TradeStats {
  start: number;
  end: number;
  initialEquity: number;
  finalEquity: number;
  totalReturn: number;
  cagr: number | null;
  sharpe: number | null;
  sortino: number | null;
  calmar: number | null;
  maxDrawdown: MaxDrawdown;
  exposure: number | null;
  turnover: number | null;
  byStrategy: StrategyAttribution[];
  roundTrips: RoundTrip[];
  openPositions: OpenPosition[];
}

/**
 * Every metric of a run from its equity samples and its fills (in time order): returns and risk from the
 * equity, trade statistics and attribution from the round trips the fills make (average cost). Throws a
 * RangeError naming the bad sample or fill.
 */
export function backtestReport(series: EquitySeries, fills: readonly TradeFill[]): BacktestReport {
  checkEquitySeries(series);
  const { closed, open } = buildRoundTrips(fills);
  const n = series.values.length;
  const start = series.times[0]!;
  const end = series.times[n - 1]!;
  const growth = cagr(series);
  const drawdown = maxDrawdown(series);
  return {
    start,
    end,
    initialEquity: series.values[0]!,
    finalEquity: series.values[n - 1]!,
    totalReturn: totalReturn(series),
    cagr: growth,
    sharpe: sharpe(series),
    sortino: sortino(series),
    calmar: calmar(growth, drawdown.depth),
    maxDrawdown: drawdown,
    ...tradeStats(closed),
    exposure: exposure(closed, open, start, end),
    turnover: turnover(fills, series),
    byStrategy: attribution(closed),
    roundTrips: closed,
    openPositions: open,
  };
}
