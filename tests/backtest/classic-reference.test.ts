import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_TIME } from '../../src-main/backtest/options';
import { runClassic } from '../../src-main/backtest/run-classic';

// Classic mode against an independent, minimal reference written from docs/BACKTESTING.md "Classic mode"
// alone, over the real S&P 500 sample (5,104 daily bars), trade by trade: the CSV read by splitting lines,
// each SMA a direct mean of its window, the rules as the doc states them, the books kept in plain numbers.

const SAMPLE = join(__dirname, '../../resources/data/sp500-2000.csv');
const DAY = 86_400_000;

interface Row {
  time: number;
  open: number;
  close: number;
}

/** date,open,high,low,close,adjclose,volume; a daily bar of date D is stamped D + 1 day (docs/DATA.md). */
function readSample(): Row[] {
  return readFileSync(SAMPLE, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const [date, open, , , close] = line.split(',');
      return { time: Date.parse(`${date!}T00:00:00Z`) + DAY, open: Number(open), close: Number(close) };
    });
}

interface Params {
  fast: number;
  slow: number;
  size: number;
  commission: number;
  slippage: number;
  cash: number;
}

interface RefTrade {
  entryTime: number;
  exitTime: number;
  entryPrice: number;
  exitPrice: number;
  gross: number;
  commission: number;
}

function reference(rows: Row[], p: Params) {
  const sma = (i: number, n: number): number => {
    let sum = 0;
    for (let k = i - n + 1; k <= i; k++) sum += rows[k]!.close;
    return sum / n;
  };
  // Sign of fast − slow, differences within 1e-10 × slow counting as 0.
  const sign = (i: number): number => {
    const slow = sma(i, p.slow);
    const diff = sma(i, p.fast) - slow;
    return Math.abs(diff) <= 1e-10 * slow ? 0 : Math.sign(diff);
  };
  const trades: RefTrade[] = [];
  let cash = p.cash;
  let qty = 0;
  let entry: { time: number; price: number; fee: number } | null = null;
  let refused = 0;
  let order: 'buy' | 'sell' | null = null;
  const equity: number[] = [];
  rows.forEach((row, i) => {
    if (order === 'buy') {
      const price = row.open * (1 + p.slippage);
      const fee = p.commission * p.size * price;
      if (p.size * price + fee > cash) refused += 1;
      else {
        cash -= p.size * price + fee;
        qty = p.size;
        entry = { time: row.time, price, fee };
      }
    } else if (order === 'sell' && entry) {
      const price = row.open * (1 - p.slippage);
      const fee = p.commission * qty * price;
      cash += qty * price - fee;
      trades.push({
        entryTime: entry.time,
        exitTime: row.time,
        entryPrice: entry.price,
        exitPrice: price,
        gross: qty * (price - entry.price),
        commission: entry.fee + fee,
      });
      qty = 0;
      entry = null;
    }
    order = null;
    // A cross needs both SMAs at i and at i − 1: i ≥ slow.
    if (i >= p.slow) {
      const now = sign(i);
      const before = sign(i - 1);
      if (qty === 0 && now > 0 && before <= 0) order = 'buy';
      else if (qty > 0 && now < 0 && before >= 0) order = 'sell';
    }
    equity.push(cash + qty * row.close);
  });
  return { trades, equity, refused, open: entry as { time: number; price: number } | null, qty };
}

const iso = (ms: number): string => new Date(ms).toISOString();

describe('classic mode against an independent reference on the S&P 500 sample', () => {
  const rows = readSample();
  const cases: Params[] = [
    { fast: 10, slow: 30, size: 10, commission: 0.001, slippage: 0.0005, cash: 100_000 },
    { fast: 5, slow: 20, size: 3, commission: 0.0025, slippage: 0, cash: 100_000 },
    // Cash for 10 units only while the index is below ~1,500: later up-crosses are refused.
    { fast: 20, slow: 50, size: 10, commission: 0.001, slippage: 0.001, cash: 15_000 },
  ];
  for (const p of cases) {
    it(`fast ${p.fast}, slow ${p.slow}, size ${p.size}, cash ${p.cash}: every trade and the books agree`, () => {
      const ref = reference(rows, p);
      const result = runClassic({ mode: 'classic', file: SAMPLE, range: ALL_TIME, ...p });
      expect(result.bars).toBe(rows.length);
      expect(ref.trades.length).toBeGreaterThan(10);
      expect(result.trades).toHaveLength(ref.trades.length);
      result.trades.forEach((t, k) => {
        const r = ref.trades[k]!;
        expect([t.entry_time, t.exit_time, t.side, t.qty]).toEqual([
          iso(r.entryTime),
          iso(r.exitTime),
          'long',
          p.size,
        ]);
        expect(t.entry_price).toBeCloseTo(r.entryPrice, 9);
        expect(t.exit_price).toBeCloseTo(r.exitPrice, 9);
        expect(t.gross_pnl).toBeCloseTo(r.gross, 8);
        expect(t.commission).toBeCloseTo(r.commission, 9);
        expect(t.pnl).toBeCloseTo(r.gross - r.commission, 8);
      });
      expect(result.refusals.total).toBe(ref.refused);
      if (p.cash === 15_000) expect(ref.refused).toBeGreaterThan(0);
      // Final equity = cash + open position at the last close, to the cent.
      expect(result.final_equity).toBeCloseTo(ref.equity.at(-1)!, 6);
      expect(result.open_positions.map((o) => [o.entry_time, o.qty])).toEqual(
        ref.open ? [[iso(ref.open.time), ref.qty]] : [],
      );
      // Commission: every fill's, summed; round trips' net P&L adds up with the open position to the equity.
      const fills = 2 * ref.trades.length + (ref.open ? 1 : 0);
      expect(result.metrics.fills).toBe(fills);
      const netClosed = ref.trades.reduce((s, t) => s + t.gross - t.commission, 0);
      const openValue = ref.open
        ? ref.qty * (rows.at(-1)!.close - ref.open.price) - p.commission * ref.qty * ref.open.price
        : 0;
      expect(result.final_equity - p.cash).toBeCloseTo(netClosed + openValue, 6);
      // Trade statistics on net P&L.
      const nets = ref.trades.map((t) => t.gross - t.commission);
      const wins = nets.filter((x) => x > 0);
      const losses = nets.filter((x) => x < 0);
      expect(result.metrics.wins).toBe(wins.length);
      expect(result.metrics.losses).toBe(losses.length);
      expect(result.metrics.profit_factor).toBeCloseTo(
        wins.reduce((a, b) => a + b, 0) / -losses.reduce((a, b) => a + b, 0),
        9,
      );
      expect(result.metrics.expectancy).toBeCloseTo(netClosed / nets.length, 8);
      // Total return, max drawdown and Sharpe (sample sd, √ of samples per calendar year) of the equity.
      const eq = ref.equity;
      expect(result.metrics.total_return).toBeCloseTo(eq.at(-1)! / eq[0]! - 1, 12);
      let peak = eq[0]!;
      let depth = 0;
      for (const v of eq) {
        peak = Math.max(peak, v);
        depth = Math.max(depth, (peak - v) / peak);
      }
      expect(result.metrics.max_drawdown).toBeCloseTo(depth, 12);
      const r = eq.slice(1).map((v, i) => v / eq[i]! - 1);
      const mean = r.reduce((a, b) => a + b, 0) / r.length;
      const sd = Math.sqrt(r.reduce((a, b) => a + (b - mean) ** 2, 0) / (r.length - 1));
      const perYear = (r.length * 365.25 * DAY) / (rows.at(-1)!.time - rows[0]!.time);
      expect(result.metrics.sharpe).toBeCloseTo((mean / sd) * Math.sqrt(perYear), 9);
    });
  }
});
