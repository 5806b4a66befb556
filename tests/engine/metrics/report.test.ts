import { describe, expect, it } from 'vitest';
import { backtestReport } from '../../../src-main/engine/metrics/report';
import type { TradeFill } from '../../../src-main/engine/metrics/types';

const DAY = 86_400_000;

describe('backtestReport', () => {
  it('puts every figure of a small run together', () => {
    // Equity 1000 → 1100 → 990 → 1089 → 1197.9 over four days; one long round trip of 10 from day 1 to
    // day 3 (+100 price P&L, 2 commission) by strategy a, and a position of b open from day 3.
    const equity = { times: [0, DAY, 2 * DAY, 3 * DAY, 4 * DAY], values: [1000, 1100, 990, 1089, 1197.9] };
    const fills: TradeFill[] = [
      { time: DAY, instrument: 'X', side: 'buy', qty: 10, price: 100, commission: 1, strategy: 'a' },
      { time: 3 * DAY, instrument: 'X', side: 'sell', qty: 10, price: 110, commission: 1, strategy: 'a' },
      { time: 3 * DAY, instrument: 'Y', side: 'sell', qty: 1, price: 50, commission: 0, strategy: 'b' },
    ];
    const report = backtestReport(equity, fills);
    expect(report).toMatchObject({
      start: 0,
      end: 4 * DAY,
      initialEquity: 1000,
      finalEquity: 1197.9,
      trades: 1,
      wins: 1,
      winRate: 1,
      expectancy: 98,
      profitFactor: null,
      byStrategy: [{ strategy: 'a', trades: 1, wins: 1, pnl: 100, commission: 2, netPnl: 98 }],
    });
    expect(report.totalReturn).toBeCloseTo(0.1979, 12);
    expect(report.sharpe).toBeCloseTo(0.5 * Math.sqrt(365.25), 9);
    expect(report.sortino).toBeCloseTo(Math.sqrt(365.25), 9);
    expect(report.maxDrawdown.depth).toBeCloseTo(0.1, 12);
    expect(report.calmar).toBeCloseTo(report.cagr! / 0.1, 9);
    // held day 1–3 (X) and day 3–4 (Y): the whole of days 1–4, 3 of 4 days
    expect(report.exposure).toBeCloseTo(0.75, 12);
    // notional 1000 + 1100 + 50 over mean equity 5376.9 / 5
    expect(report.turnover).toBeCloseTo(2150 / (5376.9 / 5), 12);
    expect(report.openPositions).toHaveLength(1);
  });

  it('names the bad input', () => {
    expect(() => backtestReport({ times: [0, 0], values: [1, 1] }, [])).toThrow(
      'equity series: times[1] = 0 is not after times[0] = 0',
    );
  });
});
