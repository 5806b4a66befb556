import { lttbIndices } from '../../src-shared/series/lttb';
import { isoTimeText } from '../engine/data/civil-date';
import { calmar, maxDrawdown } from '../engine/metrics/drawdown';
import { checkEquitySeries, periodsPerYear, simpleReturns } from '../engine/metrics/equity-series';
import { exposure } from '../engine/metrics/exposure';
import { cagr, sharpeOfReturns, sortinoOfReturns, totalReturn } from '../engine/metrics/returns';
import { attribution, tradeStats } from '../engine/metrics/trades';
import type { EquitySeries, OpenPosition, RoundTrip } from '../engine/metrics/types';
import type { BacktestMetrics, BacktestResult, BacktestTrade, EquityCurvePoint } from './result-schema';

const DAY_MS = 86_400_000;
/** Points kept of the equity and drawdown curves in the result (LTTB keeps their shape and extremes). */
export const CURVE_POINTS = 600;

/** Engine time as ISO 8601 UTC (the text of Date's toISOString). */
export const isoTime = (ms: number): string => isoTimeText(ms);

/** What a finished run hands to the summary: its equity samples, round trips and fill totals. */
export interface RunFigures {
  series: EquitySeries;
  trips: readonly RoundTrip[];
  open: readonly OpenPosition[];
  fills: number;
  /** Σ |qty × price| over the fills. */
  tradedNotional: number;
  commission: number;
}

/**
 * Every metric of docs/EXECUTION.md "Metrics", each from its own function in engine/metrics. Turnover is
 * the same definition as `turnover()` (Σ |qty × price| of the fills / mean equity) computed from the
 * fills' running total, so a run never has to hold its fills. Throws a RangeError for a bad series.
 */
export function summarizeMetrics(figures: RunFigures): BacktestMetrics {
  const { series, trips, open } = figures;
  checkEquitySeries(series);
  const n = series.values.length;
  const start = series.times[0]!;
  const end = series.times[n - 1]!;
  const growth = cagr(series);
  const drawdown = maxDrawdown(series);
  const stats = tradeStats(trips);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += series.values[i]!;
  const meanEquity = sum / n;
  // One returns array for both ratios (a million samples: 8 MB and a pass saved).
  const returns = simpleReturns(series.values);
  const periods = periodsPerYear(series.times);
  return {
    total_return: totalReturn(series),
    cagr: growth,
    sharpe: sharpeOfReturns(returns, periods),
    sortino: sortinoOfReturns(returns, periods),
    calmar: calmar(growth, drawdown.depth),
    max_drawdown: drawdown.depth,
    max_drawdown_peak: drawdown.peakTime === null ? null : isoTime(drawdown.peakTime),
    max_drawdown_trough: drawdown.troughTime === null ? null : isoTime(drawdown.troughTime),
    max_drawdown_recovery: drawdown.recoveryTime === null ? null : isoTime(drawdown.recoveryTime),
    max_drawdown_duration_ms: drawdown.durationMs,
    max_drawdown_duration_days: drawdown.durationMs / DAY_MS,
    trades: stats.trades,
    wins: stats.wins,
    losses: stats.losses,
    win_rate: stats.winRate,
    gross_profit: stats.grossProfit,
    gross_loss: stats.grossLoss,
    profit_factor: stats.profitFactor,
    expectancy: stats.expectancy,
    exposure: exposure(trips, open, start, end),
    turnover: meanEquity > 0 ? figures.tradedNotional / meanEquity : null,
    commission: figures.commission,
    fills: figures.fills,
  };
}

/** Per-strategy attribution, by the strategy that opened each position, sorted by strategy id. */
export function summarizeAttribution(trips: readonly RoundTrip[]): BacktestResult['attribution'] {
  return attribution(trips).map((row) => ({
    strategy: row.strategy,
    trades: row.trades,
    wins: row.wins,
    gross_pnl: row.pnl,
    commission: row.commission,
    pnl: row.netPnl,
  }));
}

/** A round trip as the result lists it: net `pnl`, price `gross_pnl`, and its commission. */
export function tradeRow(trip: RoundTrip): BacktestTrade {
  return {
    entry_time: isoTime(trip.entryTime),
    exit_time: isoTime(trip.exitTime),
    instrument: trip.instrument,
    side: trip.side,
    qty: trip.qty,
    entry_price: trip.entryPrice,
    exit_price: trip.exitPrice,
    pnl: trip.pnl - trip.commission,
    gross_pnl: trip.pnl,
    commission: trip.commission,
    strategy: trip.strategy,
  };
}

/**
 * The equity curve and its drawdown from the running peak ((peak − equity) / peak), each downsampled
 * with LTTB to at most `points` points (on its own values, so the deepest drawdown is kept).
 */
export function curves(
  series: EquitySeries,
  points = CURVE_POINTS,
): { equity: EquityCurvePoint[]; drawdown: EquityCurvePoint[] } {
  const n = series.values.length;
  const drawdowns = new Float64Array(n);
  let peak = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const value = series.values[i]!;
    if (value > peak) peak = value;
    drawdowns[i] = peak > 0 ? (peak - value) / peak : 0;
  }
  const point = (i: number): EquityCurvePoint => ({
    time: isoTime(series.times[i]!),
    equity: series.values[i]!,
    drawdown: drawdowns[i]!,
  });
  return {
    equity: lttbIndices(series.times, series.values, points).map(point),
    drawdown: lttbIndices(series.times, drawdowns, points).map(point),
  };
}
