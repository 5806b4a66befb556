import { count, days, isDaily, money, percent, ratio, timeLabel } from './report-format';
import type { BacktestResult } from './result-schema';

/** The result for a terminal, a few lines: what ran, returns and risk, trades, refusals and breaker trips. */
export function formatSummary(result: BacktestResult): string {
  const m = result.metrics;
  const daily = isDaily(result.equity_curve.map((p) => p.time));
  const source =
    result.data.feed === 'csv'
      ? result.data.files.join(', ')
      : `the synthetic market (seed ${result.data.seed}, ${result.data.scenario})`;
  const lines = [
    `backtest: ${result.strategies.join(', ')} on ${source}`,
    `  ${timeLabel(result.start, daily)} to ${timeLabel(result.end, daily)}: ${count(result.bars)} bars, ${count(result.slices)} steps in ${Math.round(result.elapsed_ms)} ms`,
    `  equity ${money(result.initial_cash)} → ${money(result.final_equity)}  total return ${percent(m.total_return)}  CAGR ${percent(m.cagr)}`,
    `  Sharpe ${ratio(m.sharpe)}  Sortino ${ratio(m.sortino)}  Calmar ${ratio(m.calmar)}  max drawdown ${percent(m.max_drawdown)} over ${days(m.max_drawdown_duration_ms)}`,
    `  ${count(m.trades)} round trips  win rate ${percent(m.win_rate)}  profit factor ${ratio(m.profit_factor)}  expectancy ${money(m.expectancy)}`,
    `  exposure ${percent(m.exposure)}  turnover ${ratio(m.turnover)}  commission ${money(m.commission)}  ${count(result.open_positions.length)} open position(s)`,
  ];
  if (result.refusals.total > 0) {
    const reasons = Object.entries(result.refusals.by_reason)
      .slice(0, 3)
      .map(([reason, n]) => `${reason} (${count(n)})`)
      .join('; ');
    lines.push(`  ${count(result.refusals.total)} orders refused: ${reasons}`);
  }
  if (result.breaker_events.length > 0) {
    const trips = result.breaker_events.filter((e) => e.kind === 'trip').length;
    lines.push(`  circuit breaker: ${count(result.breaker_events.length)} events, ${count(trips)} trips`);
  }
  if (result.data_issues.rejected_slices > 0)
    lines.push(`  ${count(result.data_issues.rejected_slices)} slices refused by the data checks`);
  return lines.join('\n');
}
