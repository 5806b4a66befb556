import { Area, AreaChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { BacktestResult } from '../../../src-shared/domain/backtest-result';
import {
  formatMaybePercent,
  formatMoney,
  formatPercent,
  formatPrice,
  formatQty,
  formatRatio,
  formatSignedMoney,
  formatSignedPercent,
  tone,
} from '../../format';
import { barLabel, isDaily } from './bar-labels';

/** Round trips listed in the view; the whole list is in the run's JSON and `botv2 backtest --json`. */
const TRADES_SHOWN = 200;

function MetricsTable({ result, daily }: { result: BacktestResult; daily: boolean }) {
  const m = result.metrics;
  const rows: [string, string, string?][] = [
    ['Final equity', formatMoney(result.final_equity), tone(result.final_equity - result.initial_cash)],
    ['Total return', formatSignedPercent(m.total_return), tone(m.total_return)],
    ['CAGR', m.cagr === null ? '—' : formatSignedPercent(m.cagr), tone(m.cagr ?? 0)],
    ['Sharpe', formatRatio(m.sharpe), tone(m.sharpe ?? 0)],
    ['Sortino', formatRatio(m.sortino), tone(m.sortino ?? 0)],
    ['Calmar', formatRatio(m.calmar), tone(m.calmar ?? 0)],
    [
      'Max drawdown',
      `${formatPercent(m.max_drawdown)} over ${m.max_drawdown_duration_days.toFixed(0)} days`,
      m.max_drawdown > 0 ? 'loss' : undefined,
    ],
    ['Win rate', formatMaybePercent(m.win_rate, 1)],
    ['Profit factor', formatRatio(m.profit_factor)],
    ['Expectancy', m.expectancy === null ? '—' : formatSignedMoney(m.expectancy), tone(m.expectancy ?? 0)],
    ['Exposure', formatMaybePercent(m.exposure, 1)],
    ['Turnover', formatRatio(m.turnover)],
    ['Round trips', `${m.trades} (${m.wins} won, ${m.losses} lost)`],
    ['Commission', formatMoney(m.commission)],
  ];
  return (
    <table data-testid="backtest-metrics">
      <caption>
        {result.bars.toLocaleString('en-US')} bars, {barLabel(result.start, daily)} to{' '}
        {barLabel(result.end, daily)}, in {(result.elapsed_ms / 1000).toFixed(2)} s
      </caption>
      <tbody>
        {rows.map(([label, value, className]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td className={`num ${className ?? ''}`}>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function EquityChart({ result, daily }: { result: BacktestResult; daily: boolean }) {
  const data = result.equity_curve.map((p) => ({ time: barLabel(p.time, daily), equity: p.equity }));
  const first = data[0]?.equity ?? 0;
  const last = data[data.length - 1]?.equity ?? 0;
  return (
    <figure
      className="backtest-equity"
      role="img"
      aria-label={`Equity from ${formatMoney(first)} to ${formatMoney(last)} over ${data.length} points`}
      data-testid="backtest-equity"
    >
      <ResponsiveContainer width="100%" height={200}>
        <AreaChart data={data} margin={{ top: 4, right: 8, bottom: 4, left: 8 }}>
          <XAxis dataKey="time" tick={{ fill: '#8b949e', fontSize: 11 }} minTickGap={40} />
          <YAxis
            domain={['auto', 'auto']}
            tick={{ fill: '#8b949e', fontSize: 11 }}
            width={80}
            tickFormatter={(v: number) => formatMoney(v)}
          />
          <Tooltip
            contentStyle={{ background: '#161b22', border: '1px solid #30363d' }}
            formatter={(v) => [formatMoney(Number(v)), 'Equity']}
          />
          <Area type="linear" dataKey="equity" stroke="#58a6ff" fill="#58a6ff22" isAnimationActive={false} />
        </AreaChart>
      </ResponsiveContainer>
    </figure>
  );
}

function Attribution({ result }: { result: BacktestResult }) {
  if (result.attribution.length === 0) return null;
  return (
    <table data-testid="backtest-attribution">
      <caption>P&amp;L by the strategy that opened each position (net of commission)</caption>
      <thead>
        <tr>
          <th scope="col">Strategy</th>
          <th scope="col" className="num">
            Trades
          </th>
          <th scope="col" className="num">
            Won
          </th>
          <th scope="col" className="num">
            Net P&amp;L
          </th>
        </tr>
      </thead>
      <tbody>
        {result.attribution.map((a) => (
          <tr key={a.strategy}>
            <td>{a.strategy}</td>
            <td className="num">{a.trades}</td>
            <td className="num">{a.wins}</td>
            <td className={`num ${tone(a.pnl)}`}>{formatSignedMoney(a.pnl)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Trades({ result, daily }: { result: BacktestResult; daily: boolean }) {
  const shown = result.trades.slice(0, TRADES_SHOWN);
  return (
    <div className="backtest-trades">
      <table data-testid="backtest-trades">
        <caption>
          {result.trades.length === 0
            ? 'No closed round trip'
            : `${shown.length < result.trades.length ? `First ${shown.length} of ` : ''}${result.trades.length} round trips`}
          {result.open_positions.length > 0 ? `; ${result.open_positions.length} open at the end` : ''}
        </caption>
        <thead>
          <tr>
            <th scope="col">Entry</th>
            <th scope="col">Exit</th>
            <th scope="col">Instrument</th>
            <th scope="col">Side</th>
            <th scope="col" className="num">
              Qty
            </th>
            <th scope="col" className="num">
              Entry price
            </th>
            <th scope="col" className="num">
              Exit price
            </th>
            <th scope="col" className="num">
              P&amp;L
            </th>
          </tr>
        </thead>
        <tbody>
          {shown.map((t, i) => (
            <tr key={i}>
              <td>{barLabel(t.entry_time, daily)}</td>
              <td>{barLabel(t.exit_time, daily)}</td>
              <td>{t.instrument}</td>
              <td>{t.side}</td>
              <td className="num">{formatQty(t.qty)}</td>
              <td className="num">{formatPrice(t.entry_price)}</td>
              <td className="num">{formatPrice(t.exit_price)}</td>
              <td className={`num ${tone(t.pnl)}`}>{formatSignedMoney(t.pnl)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A finished run's report: the metrics, the equity curve, attribution, round trips and what was refused. */
export function BacktestReport({ result }: { result: BacktestResult }) {
  const issues = Object.entries(result.data_issues.by_rule);
  const refusals = Object.entries(result.refusals.by_reason);
  const daily = isDaily(result.equity_curve.map((p) => p.time));
  return (
    <div className="backtest-report" data-testid="backtest-report">
      <EquityChart result={result} daily={daily} />
      <div className="report-columns">
        <MetricsTable result={result} daily={daily} />
        <Attribution result={result} />
      </div>
      {(issues.length > 0 || refusals.length > 0 || result.breaker_events.length > 0) && (
        <ul className="report-notes">
          {result.breaker_events.length > 0 && (
            <li>Circuit breaker: {result.breaker_events.length} events</li>
          )}
          {refusals.map(([reason, n]) => (
            <li key={reason}>
              Refused by risk ({reason}): {n}
            </li>
          ))}
          {issues.map(([rule, n]) => (
            <li key={rule}>
              Data problem {rule}: {n}
            </li>
          ))}
        </ul>
      )}
      <Trades result={result} daily={daily} />
    </div>
  );
}
