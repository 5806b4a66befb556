import type { RiskMetrics } from '../../../src-shared/ipc/dashboard-schemas';
import {
  formatDuration,
  formatMaybePercent,
  formatMoney,
  formatPercent,
  formatRatio,
  formatSignedMoney,
  formatSignedPercent,
  formatTime,
  tone,
} from '../../format';

/** The spec's risk metrics over the recorded equity (one sample per checkpoint) and closed round trips. */
export function RiskMetricsTable({ metrics }: { metrics: RiskMetrics }) {
  const dd = metrics.maxDrawdown;
  const rows: [string, string, string?][] = [
    [
      'Total return',
      metrics.totalReturn === null ? '—' : formatSignedPercent(metrics.totalReturn),
      tone(metrics.totalReturn ?? 0),
    ],
    [
      'CAGR',
      metrics.cagr === null ? '— (under 30 days)' : formatSignedPercent(metrics.cagr),
      tone(metrics.cagr ?? 0),
    ],
    ['Sharpe ratio', formatRatio(metrics.sharpe), tone(metrics.sharpe ?? 0)],
    ['Sortino ratio', formatRatio(metrics.sortino), tone(metrics.sortino ?? 0)],
    ['Calmar ratio', formatRatio(metrics.calmar), tone(metrics.calmar ?? 0)],
    [
      'Maximum drawdown',
      dd.depth > 0
        ? `${formatPercent(dd.depth)} over ${formatDuration(dd.durationMs)}${dd.recoveryTime === null ? ' (not recovered)' : ''}`
        : formatPercent(0),
      dd.depth > 0 ? 'loss' : undefined,
    ],
    ['Win rate', formatMaybePercent(metrics.winRate, 1)],
    ['Profit factor', formatRatio(metrics.profitFactor)],
    [
      'Expectancy per trade',
      metrics.expectancy === null ? '—' : formatSignedMoney(metrics.expectancy),
      tone(metrics.expectancy ?? 0),
    ],
    ['Round trips', `${metrics.trades} (${metrics.wins} won, ${metrics.losses} lost)`],
    ['Gross profit', formatMoney(metrics.grossProfit), 'gain'],
    ['Gross loss', formatMoney(metrics.grossLoss), 'loss'],
  ];
  return (
    <section className="panel" aria-labelledby="metrics-title">
      <h2 id="metrics-title">Risk metrics</h2>
      <table data-testid="risk-metrics">
        <caption>
          {metrics.asOf === null
            ? 'No checkpoint yet'
            : `${metrics.samples.toLocaleString('en-US')} equity samples to ${formatTime(metrics.asOf)}; trade figures net of commission`}
        </caption>
        <tbody>
          {rows.map(([label, value, className]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td className={className}>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
