import { count, days, isDaily, money, percent, price, ratio, timeLabel } from './report-format';
import type { BacktestResult } from './result-schema';
import { escapeHtml, lineChart } from './svg-chart';

/** Trades listed in the report; the JSON has all of them. */
export const REPORT_TRADE_ROWS = 2000;

const CSS = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:24px auto;max-width:1040px;color:#1d2330;background:#fff}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #dde2ea;padding-bottom:4px}
.sub{color:#5a6477;margin:0 0 16px}
table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}
th,td{padding:4px 8px;border-bottom:1px solid #eef1f5;text-align:right;white-space:nowrap}
th:first-child,td:first-child{text-align:left}th{background:#f5f7fa;font-weight:600}
.metrics{display:grid;grid-template-columns:repeat(auto-fill,minmax(220px,1fr));gap:0 24px}
.metrics div{display:flex;justify-content:space-between;border-bottom:1px solid #eef1f5;padding:4px 0}
.metrics span:first-child{color:#5a6477}
.scroll{overflow-x:auto}.neg{color:#b42318}.pos{color:#067647}.note{color:#5a6477;font-size:13px}
svg{display:block;max-width:100%;height:auto;margin:8px 0}svg text{font-size:11px;fill:#5a6477}
svg .chart-title{font-size:13px;fill:#1d2330;font-weight:600}svg .grid{stroke:#eef1f5}
`;

const signClass = (n: number): string => (n < 0 ? 'neg' : n > 0 ? 'pos' : '');

function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  if (rows.length === 0) return '<p class="note">none</p>';
  const head = headers.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const body = rows.map((cells) => `<tr>${cells.join('')}</tr>`).join('\n');
  return `<div class="scroll"><table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table></div>`;
}

const cell = (text: string, className = ''): string =>
  `<td${className ? ` class="${className}"` : ''}>${escapeHtml(text)}</td>`;

function metricsBlock(result: BacktestResult): string {
  const m = result.metrics;
  const items: [string, string][] = [
    ['Initial cash', money(result.initial_cash)],
    ['Final equity', money(result.final_equity)],
    ['Total return', percent(m.total_return)],
    ['CAGR', percent(m.cagr)],
    ['Sharpe', ratio(m.sharpe)],
    ['Sortino', ratio(m.sortino)],
    ['Calmar', ratio(m.calmar)],
    ['Max drawdown', percent(m.max_drawdown)],
    ['Drawdown duration', days(m.max_drawdown_duration_ms)],
    ['Round trips', count(m.trades)],
    ['Win rate', percent(m.win_rate)],
    ['Profit factor', ratio(m.profit_factor)],
    ['Expectancy', money(m.expectancy)],
    ['Exposure', percent(m.exposure)],
    ['Turnover', ratio(m.turnover)],
    ['Commission', money(m.commission)],
    ['Fills', count(m.fills)],
    ['Orders refused', count(result.refusals.total)],
  ];
  return `<div class="metrics">${items
    .map(([k, v]) => `<div><span>${escapeHtml(k)}</span><span>${escapeHtml(v)}</span></div>`)
    .join('')}</div>`;
}

function describeRun(result: BacktestResult, daily: boolean): string {
  const data =
    result.data.feed === 'csv'
      ? result.data.files.join(', ')
      : `synthetic market, seed ${result.data.seed}, scenario ${result.data.scenario}, ${count(result.data.bars)} bars`;
  const params = result.parameters
    ? Object.entries(result.parameters)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')
    : `seed ${result.seed}`;
  return [
    `${result.mode === 'classic' ? 'Classic mode' : 'Full pipeline'} · ${data}`,
    `${timeLabel(result.start, daily)} to ${timeLabel(result.end, daily)} · ${count(result.bars)} bars, ${count(result.slices)} steps`,
    `strategies: ${result.strategies.join(', ')} · ${params} · ${Math.round(result.elapsed_ms)} ms`,
  ].join('<br>');
}

/**
 * The backtest report as one self-contained HTML page: inline CSS, the equity and drawdown curves as inline
 * SVG, the metrics, the per-strategy attribution, breaker events, refusals, data issues, open positions and
 * the trades (the first REPORT_TRADE_ROWS). No script and no external reference (a CSP forbids loading
 * anything), so it opens offline. Daily bars are shown by their session date, others by ISO time (UTC).
 */
export function renderReportHtml(result: BacktestResult): string {
  const daily = isDaily(result.equity_curve.map((p) => p.time));
  const when = (iso: string): string => timeLabel(iso, daily);
  const equity = lineChart(
    result.equity_curve.map((p) => ({ x: Date.parse(p.time), y: p.equity })),
    { title: 'Equity', width: 1000, height: 280, formatY: money, formatX: when0(when), stroke: '#1f6feb' },
  );
  const drawdown = lineChart(
    result.drawdown_curve.map((p) => ({ x: Date.parse(p.time), y: p.drawdown })),
    {
      title: 'Drawdown from peak',
      width: 1000,
      height: 180,
      formatY: percent,
      formatX: when0(when),
      stroke: '#b42318',
      fill: 'rgba(180,35,24,0.15)',
      invertY: true,
    },
  );
  const trades = result.trades
    .slice(0, REPORT_TRADE_ROWS)
    .map((t) => [
      cell(when(t.entry_time)),
      cell(when(t.exit_time)),
      cell(t.instrument),
      cell(t.side),
      cell(String(t.qty)),
      cell(price(t.entry_price)),
      cell(price(t.exit_price)),
      cell(money(t.commission)),
      cell(money(t.pnl), signClass(t.pnl)),
      cell(t.strategy),
    ]);
  const more =
    result.trades.length > REPORT_TRADE_ROWS
      ? `<p class="note">The first ${count(REPORT_TRADE_ROWS)} of ${count(result.trades.length)} round trips; the JSON (--json) lists all.</p>`
      : '';
  const title = `BotV2 backtest · ${result.strategies.join(', ')}`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${CSS}</style></head><body>
<h1>${escapeHtml(title)}</h1>
<p class="sub">${describeRun(result, daily)}</p>
<h2>Metrics</h2>${metricsBlock(result)}
<h2>Equity and drawdown</h2>${equity}${drawdown}
<p class="note">Equity at each step's close, open positions marked to the last close; curves downsampled to ${result.equity_curve.length} points (LTTB).</p>
<h2>By strategy</h2>${table(
    ['Strategy', 'Round trips', 'Wins', 'Gross P&L', 'Commission', 'Net P&L'],
    result.attribution.map((a) => [
      cell(a.strategy),
      cell(count(a.trades)),
      cell(count(a.wins)),
      cell(money(a.gross_pnl)),
      cell(money(a.commission)),
      cell(money(a.pnl), signClass(a.pnl)),
    ]),
  )}
<h2>Circuit breaker</h2>${table(
    ['Time', 'Event', 'Level', 'Drawdown', 'Trigger', 'Reason'],
    result.breaker_events.map((e) => [
      cell(when(e.time)),
      cell(e.kind),
      cell(`${e.level_before} → ${e.level}`),
      cell(percent(e.drawdown)),
      cell(e.trigger),
      cell(e.reason),
    ]),
  )}
<h2>Orders refused</h2>${table(
    ['Reason', 'Orders'],
    Object.entries(result.refusals.by_reason).map(([reason, n]) => [cell(reason), cell(count(n))]),
  )}
<h2>Data issues</h2>${table(
    ['Rule', 'Count'],
    [
      ...(result.data_issues.rejected_slices > 0
        ? [[cell('slices refused'), cell(count(result.data_issues.rejected_slices))]]
        : []),
      ...Object.entries(result.data_issues.by_rule).map(([rule, n]) => [cell(rule), cell(count(n))]),
    ],
  )}
<h2>Open positions (marked to the last close)</h2>${table(
    ['Instrument', 'Side', 'Qty', 'Since', 'Entry', 'Last', 'Unrealised P&L'],
    result.open_positions.map((p) => [
      cell(p.instrument),
      cell(p.side),
      cell(String(p.qty)),
      cell(when(p.entry_time)),
      cell(price(p.entry_price)),
      cell(price(p.last_price)),
      cell(money(p.unrealized_pnl), signClass(p.unrealized_pnl)),
    ]),
  )}
<h2>Round trips</h2>${more}${table(
    [
      'Entry',
      'Exit',
      'Instrument',
      'Side',
      'Qty',
      'Entry price',
      'Exit price',
      'Commission',
      'Net P&L',
      'Strategy',
    ],
    trades,
  )}
</body></html>
`;
}

/** An x-axis formatter from an ISO formatter. */
function when0(when: (iso: string) => string): (x: number) => string {
  return (x) => when(new Date(x).toISOString());
}
