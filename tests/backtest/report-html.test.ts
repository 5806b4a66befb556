import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_TIME } from '../../src-main/backtest/options';
import { money, percent, price, ratio } from '../../src-main/backtest/report-format';
import { renderReportHtml, REPORT_TRADE_ROWS } from '../../src-main/backtest/report-html';
import type { BacktestResult } from '../../src-main/backtest/result-schema';
import { runBacktest } from '../../src-main/backtest/run-backtest';
import { lineChart } from '../../src-main/backtest/svg-chart';

const SAMPLE = join(__dirname, '../../resources/data/sp500-2000.csv');

const result = runBacktest({
  mode: 'classic',
  file: SAMPLE,
  range: ALL_TIME,
  fast: 10,
  slow: 30,
  size: 10,
  commission: 0.001,
  slippage: 0,
  cash: 100_000,
});

describe('renderReportHtml', () => {
  const html = renderReportHtml(result);

  it('is one self-contained page: no script, no external reference, a CSP that loads nothing', () => {
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<script|https?:\/\/|src=|href=|@import|url\(/i);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
  });

  it('draws the equity and drawdown curves as inline SVG from the result’s points', () => {
    const svgs = html.match(/<svg[\s\S]*?<\/svg>/g)!;
    expect(svgs).toHaveLength(2);
    const points = (svg: string) => svg.match(/<polyline points="([^"]+)"/)![1]!.split(' ').length;
    expect(points(svgs[0]!)).toBe(result.equity_curve.length);
    expect(points(svgs[1]!)).toBe(result.drawdown_curve.length);
    expect(svgs[0]).toContain('aria-label="Equity"');
    expect(svgs[1]).toContain('<polygon'); // the drawdown area
  });

  it('shows the metrics, the attribution and every trade (daily bars by session date)', () => {
    expect(html).toContain(`<span>Final equity</span><span>${money(result.final_equity)}</span>`);
    expect(html).toContain(`<span>Sharpe</span><span>${ratio(result.metrics.sharpe)}</span>`);
    expect(html).toContain(`<span>Max drawdown</span><span>${percent(result.metrics.max_drawdown)}</span>`);
    expect(
      html.match(/<tr><td>\d{4}-\d\d-\d\d<\/td><td>\d{4}-\d\d-\d\d<\/td><td>sp500-2000<\/td>/g),
    ).toHaveLength(result.trades.length);
    // The first trade's entry fill is stamped at its session's close (24:00 UTC); shown by that session.
    const first = result.trades[0]!;
    const session = new Date(Date.parse(first.entry_time) - 1).toISOString().slice(0, 10);
    expect(html).toContain(`<tr><td>${session}</td>`);
    expect(html).toContain('<td>sma-cross</td><td>87</td>');
  });

  it('escapes what comes from files and lists at most REPORT_TRADE_ROWS trades', () => {
    const trade = { ...result.trades[0]!, instrument: '<b>&"x"' };
    const big: BacktestResult = {
      ...result,
      trades: Array.from({ length: REPORT_TRADE_ROWS + 5 }, () => trade),
    };
    const page = renderReportHtml(big);
    expect(page).not.toContain('<b>&"x"');
    expect(page).toContain('&lt;b&gt;&amp;&quot;x&quot;');
    expect(page.match(/&lt;b&gt;/g)).toHaveLength(REPORT_TRADE_ROWS);
    expect(page).toContain(`The first 2,000 of 2,005 round trips; the JSON (--json) lists all.`);
  });
});

describe('lineChart', () => {
  it('maps the extremes to the plot edges and writes "no data" for an empty series', () => {
    const svg = lineChart(
      [
        { x: 0, y: 10 },
        { x: 5, y: 20 },
        { x: 10, y: 15 },
      ],
      { title: 'T', width: 200, height: 100, formatX: String, formatY: String, stroke: '#000' },
    );
    // Plot area: x from 84 to 184, y from 28 (top, y = 20) to 72 (bottom, y = 10).
    expect(svg).toContain('<polyline points="84,72 134,28 184,50"');
    expect(
      lineChart([], {
        title: 'T',
        width: 200,
        height: 100,
        formatX: String,
        formatY: String,
        stroke: '#000',
      }),
    ).toContain('no data');
  });
});

describe('report formats', () => {
  it('writes money, percentages and ratios in fixed formats, n/a for null', () => {
    expect(money(1234567.891)).toBe('1,234,567.89');
    expect(money(-0.5)).toBe('−0.50');
    expect(money(-0.001)).toBe('0.00');
    expect(percent(0.12346)).toBe('12.35 %');
    expect(percent(-0.5)).toBe('−50.00 %');
    expect(ratio(null)).toBe('n/a');
    expect(ratio(-1.234)).toBe('−1.23');
  });

  it('writes prices with the digits they need: a forex pip, a sub-cent coin, a prediction contract', () => {
    // Money's two decimals would show EURUSD 1.08432 as 1.08, a coin at 0.00001234 as 0.00 and a
    // contract at 0.455 as 0.46 (half up). Six significant digits, at least two decimals, no zeros beyond.
    expect(price(1.08432)).toBe('1.08432');
    expect(price(0.00001234)).toBe('0.00001234');
    expect(price(0.455)).toBe('0.455');
    expect(price(1455.947625)).toBe('1,455.95');
    expect(price(12)).toBe('12.00');
    expect(price(null)).toBe('n/a');
    const coin = renderReportHtml({
      ...result,
      trades: [{ ...result.trades[0]!, entry_price: 0.00001234, exit_price: 0.00001301 }],
    });
    expect(coin).toContain('<td>0.00001234</td><td>0.00001301</td>');
  });
});
