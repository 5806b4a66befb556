import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runSmaCross, TIE, type SmaCrossParams } from '../../src-main/backtest/classic-sma';
import { ALL_TIME, BacktestInputError } from '../../src-main/backtest/options';
import { BacktestResultSchema } from '../../src-main/backtest/result-schema';
import { runBacktest } from '../../src-main/backtest/run-backtest';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const cents = (x: number): number => Math.round(x * 100) / 100;

/**
 * The hand-checked series (bar i: open, close), fast = 2, slow = 3:
 *  i  open close  fast    slow     fast − slow
 *  2  10   10     10      10       0          (first defined difference)
 *  3  10   13     11.5    11       +0.5       0 → +: up-cross, buy at bar 4's open
 *  4  12   14     13.5    12.333   +
 *  5  14   12     13      13       0          (touching is not a cross)
 *  6  12    9     10.5    11.667   −          0 → −: down-cross, sell at bar 7's open
 *  7   9.5 10      9.5    10.333   −
 *  8  10   12     11      10.333   +          − → +: up-cross, buy at bar 9's open
 *  9  12.5 13     12.5    11.667   +
 * 10  13   14     13.5    13       +          last bar: the position stays open, marked at 14
 */
const OPENS = [10, 10, 10, 10, 12, 14, 12, 9.5, 10, 12.5, 13];
const CLOSES = [10, 10, 10, 13, 14, 12, 9, 10, 12, 13, 14];

function writeSeries(opens: number[], closes: number[]): string {
  const rows = opens.map((open, i) => {
    const date = new Date(Date.UTC(2024, 0, 2 + i)).toISOString().slice(0, 10);
    const close = closes[i]!;
    return `${date},${open},${Math.max(open, close)},${Math.min(open, close)},${close},1000`;
  });
  const file = join(tempDir(), 'hand.csv');
  writeFileSync(file, `date,open,high,low,close,volume\n${rows.join('\n')}\n`);
  return file;
}

const classic = (file: string, overrides: Partial<SmaCrossParams> = {}) =>
  runBacktest({
    mode: 'classic',
    file,
    range: ALL_TIME,
    fast: 2,
    slow: 3,
    size: 10,
    commission: 0.001,
    slippage: 0,
    cash: 100_000,
    ...overrides,
  });

describe('classic SMA crossover on a hand-checked series', () => {
  it('buys at the open after an up-cross, sells at the open after a down-cross, to the cent', () => {
    const result = classic(writeSeries(OPENS, CLOSES));
    // Round trip 1: buy 10 @ 12 (commission 0.12), sell 10 @ 9.5 (0.095): gross −25, net −25.215.
    expect(result.trades).toHaveLength(1);
    const [trade] = result.trades;
    expect(trade).toMatchObject({
      // Bar 4 is 2024-01-06, stamped at its close, 2024-01-07 00:00 UTC; bar 7 is 2024-01-09.
      entry_time: '2024-01-07T00:00:00.000Z',
      exit_time: '2024-01-10T00:00:00.000Z',
      instrument: 'hand',
      side: 'long',
      qty: 10,
      entry_price: 12,
      exit_price: 9.5,
      strategy: 'sma-cross',
    });
    expect(cents(trade!.gross_pnl)).toBe(-25);
    expect(trade!.commission).toBeCloseTo(0.215, 10);
    expect(trade!.pnl).toBeCloseTo(-25.215, 10);
    // Then buy 10 @ 12.5 (0.125) at bar 9, still open at the end, marked to the last close 14.
    expect(result.open_positions).toEqual([
      {
        instrument: 'hand',
        side: 'long',
        qty: 10,
        entry_time: '2024-01-12T00:00:00.000Z',
        entry_price: 12.5,
        last_price: 14,
        unrealized_pnl: 15,
        strategy: 'sma-cross',
      },
    ]);
    // Cash 100000 − 120.12 + 94.905 − 125.125 = 99849.66; + 10 × 14 = 99989.66.
    expect(cents(result.final_equity)).toBe(99_989.66);
    expect(result.metrics.fills).toBe(3);
    expect(cents(result.metrics.commission)).toBe(0.34); // 0.12 + 0.095 + 0.125
    expect(result.metrics.trades).toBe(1);
    expect(result.metrics.win_rate).toBe(0);
    expect(result.bars).toBe(11);
    expect(result.start).toBe('2024-01-03T00:00:00.000Z');
    expect(result.end).toBe('2024-01-13T00:00:00.000Z');
  });

  it('applies slippage against the trader on both sides', () => {
    const result = classic(writeSeries(OPENS, CLOSES), { slippage: 0.01 });
    // Buy at 12 × 1.01 = 12.12 (commission 0.1212), sell at 9.5 × 0.99 = 9.405 (0.09405).
    const [trade] = result.trades;
    expect(trade!.entry_price).toBeCloseTo(12.12, 12);
    expect(trade!.exit_price).toBeCloseTo(9.405, 12);
    expect(cents(trade!.gross_pnl)).toBe(-27.15);
    expect(trade!.pnl).toBeCloseTo(-27.36525, 9);
    // Cash 100000 − 121.3212 + 93.95595 − 126.37625 = 99846.2585; + 140 = 99986.2585.
    expect(cents(result.final_equity)).toBe(99_986.26);
    expect(result.open_positions[0]!.entry_price).toBeCloseTo(12.625, 12);
  });

  it('does not fill a buy that cash cannot pay for, and counts it as refused', () => {
    const result = classic(writeSeries(OPENS, CLOSES), { cash: 100 });
    // 10 × 12 + 0.12 > 100 and 10 × 12.5 + 0.125 > 100: both up-crosses refused, nothing traded.
    expect(result.trades).toEqual([]);
    expect(result.open_positions).toEqual([]);
    expect(result.refusals).toEqual({
      total: 2,
      by_reason: { 'not enough cash for size × price + commission': 2 },
    });
    expect(result.final_equity).toBe(100);
  });

  it('leaves a signal on the last bar unfilled (there is no next open)', () => {
    // Up-cross at the last bar (index 3): no fill.
    const result = classic(writeSeries([10, 10, 10, 10], [10, 10, 10, 13]));
    expect(result.metrics.fills).toBe(0);
    expect(result.final_equity).toBe(100_000);
  });

  it('gives a result the worker schema accepts when a gain over a few minutes annualises past a double', () => {
    // The hand-checked series as minute bars (10 minutes from first to last close), cash 1,000. A gain g
    // over 10 minutes annualises to (1 + g)^52596 − 1, beyond the largest double (≈ e^709.8) once
    // g > e^(709.8 / 52596) − 1 ≈ 0.14 %, so the CAGR is not a number. The worker's result is parsed with
    // BacktestResultSchema, which refuses Infinity (and --json would print it as null without saying why).
    const rows = OPENS.map((open, i) => {
      const time = `2024-01-02T10:${String(i).padStart(2, '0')}:00Z`;
      const close = CLOSES[i]!;
      return `${time},${open},${Math.max(open, close)},${Math.min(open, close)},${close},1000`;
    });
    const file = join(tempDir(), 'minutes.csv');
    writeFileSync(file, `datetime,open,high,low,close,volume\n${rows.join('\n')}\n`);
    const result = classic(file, { cash: 1000, commission: 0 });
    // Buy 10 @ 12, sell @ 9.5, buy 10 @ 12.5 marked at 14: 1000 − 25 + 15 = 990 → a loss: CAGR −1 (finite).
    expect(result.final_equity).toBeCloseTo(990, 9);
    const gain = classic(file, { cash: 1000, commission: 0, fast: 1, slow: 2 });
    expect(gain.final_equity).toBeGreaterThan(1000 * 1.0014);
    expect(gain.metrics.cagr).toBeNull();
    expect(gain.metrics.calmar).toBeNull();
    expect(BacktestResultSchema.safeParse(gain).success).toBe(true);
  });

  it('keeps only the bars in --from/--to, with the SMAs starting inside the range', () => {
    const file = writeSeries(OPENS, CLOSES);
    // From 2024-01-05 (bar 3): bars 3..12 → the SMAs need three bars again, so the first difference is
    // at bar 5 (0) and the first cross is the down-cross at bar 6, ignored while flat; then buy at bar 9.
    const result = runBacktest({
      mode: 'classic',
      file,
      range: { from: Date.UTC(2024, 0, 5) + 1, to: null, fromText: '2024-01-05', toText: null },
      fast: 2,
      slow: 3,
      size: 10,
      commission: 0,
      slippage: 0,
      cash: 1000,
    });
    expect(result.bars).toBe(8);
    expect(result.trades).toEqual([]);
    expect(result.open_positions.map((p) => [p.entry_time, p.entry_price])).toEqual([
      ['2024-01-12T00:00:00.000Z', 12.5],
    ]);
    expect(result.from).toBe('2024-01-05');
  });
});

describe('runSmaCross', () => {
  /** The same rule with each SMA as a direct mean of its window (no running sums). */
  function naive(closes: number[], p: SmaCrossParams) {
    const sma = (i: number, n: number) => closes.slice(i - n + 1, i + 1).reduce((a, b) => a + b, 0) / n;
    const sign = (i: number) => {
      const diff = sma(i, p.fast) - sma(i, p.slow);
      return Math.abs(diff) <= TIE * sma(i, p.slow) ? 0 : Math.sign(diff);
    };
    const fills: { bar: number; side: string }[] = [];
    let long = false;
    let pending = 0;
    for (let i = 0; i < closes.length; i++) {
      if (pending > 0) {
        fills.push({ bar: i, side: 'buy' });
        long = true;
      } else if (pending < 0) {
        fills.push({ bar: i, side: 'sell' });
        long = false;
      }
      pending = 0;
      if (i >= p.slow) {
        const now = sign(i);
        const before = sign(i - 1);
        if (!long && now > 0 && before <= 0) pending = 1;
        else if (long && now < 0 && before >= 0) pending = -1;
      }
    }
    return fills;
  }

  it('trades exactly where direct means say, on random walks with flat stretches', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -0.03, max: 0.03, noNaN: true }), { minLength: 50, maxLength: 3000 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 2, max: 30 }),
        (moves, fast, extra) => {
          const closes: number[] = [];
          let price = 100;
          for (const m of moves) closes.push((price *= Math.exp(m)));
          const opens = closes.map((c, i) => (i === 0 ? c : closes[i - 1]!));
          const params = { fast, slow: fast + extra, size: 1, commission: 0, slippage: 0, cash: 1e9 };
          const run = runSmaCross(Float64Array.from(opens), Float64Array.from(closes), params);
          expect(run.fills.map((f) => ({ bar: f.bar, side: f.side }))).toEqual(naive(closes, params));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('keeps cash + position × close as equity at every bar', () => {
    const opens = Float64Array.from(OPENS);
    const closes = Float64Array.from(CLOSES);
    const run = runSmaCross(opens, closes, {
      fast: 2,
      slow: 3,
      size: 10,
      commission: 0.001,
      slippage: 0,
      cash: 1000,
    });
    // Bars 0–3 flat: 1000. Bar 4: bought 10 @ 12 (120.12), equity 879.88 + 140 = 1019.88.
    expect(Array.from(run.equity.subarray(0, 5)).map(cents)).toEqual([1000, 1000, 1000, 1000, 1019.88]);
    expect(cents(run.equity[10]!)).toBe(cents(run.cash + 10 * 14));
    expect(run.position).toBe(10);
  });
});

describe('classic mode input', () => {
  it('refuses rows out of time order, naming file and line', () => {
    const file = join(tempDir(), 'order.csv');
    writeFileSync(
      file,
      'date,open,high,low,close,volume\n2024-01-02,1,1,1,1,1\n2024-01-04,1,1,1,1,1\n2024-01-03,1,1,1,1,1\n',
    );
    expect(() => classic(file)).toThrow(
      new BacktestInputError(
        `${file}:4: time 2024-01-04T00:00:00.000Z does not come after 2024-01-05T00:00:00.000Z; the file must be in time order without repeats`,
      ),
    );
  });

  it('refuses an unreadable row with the CSV reader’s message', () => {
    const file = join(tempDir(), 'bad.csv');
    writeFileSync(file, 'date,open,high,low,close,volume\n2024-01-02,1,1,1,1,1\n2024-01-03,1,1,1,abc,1\n');
    expect(() => classic(file)).toThrow(`${file}:3: error [not-a-number] close: "abc" is not a number`);
  });

  it('refuses a row with too few fields, and a price that is not positive', () => {
    const short = join(tempDir(), 'short.csv');
    writeFileSync(short, 'date,open,high,low,close,volume\n2024-01-02,1,1,1,1,1\n2024-01-03,1,1\n');
    expect(() => classic(short)).toThrow(`${short}:3: error [field-count] expected 6 fields, found 3`);
    const zero = join(tempDir(), 'zero.csv');
    writeFileSync(zero, 'date,open,high,low,close,volume\n2024-01-02,0,1,0,1,1\n');
    expect(() => classic(zero)).toThrow(`${zero}:2: open 0 is not a positive price`);
  });

  it('reads a file with a symbol column through the row parser, and refuses a second symbol', () => {
    const one = join(tempDir(), 'one.csv');
    const rows = OPENS.map(
      (o, i) =>
        `ABC,${new Date(Date.UTC(2024, 0, 2 + i)).toISOString().slice(0, 10)},${o},${Math.max(o, CLOSES[i]!)},${Math.min(o, CLOSES[i]!)},${CLOSES[i]},1`,
    );
    writeFileSync(one, `symbol,date,open,high,low,close,volume\n${rows.join('\n')}\n`);
    const result = classic(one);
    expect(result.trades.map((t) => [t.instrument, t.entry_price, t.exit_price])).toEqual([['ABC', 12, 9.5]]);
    const two = join(tempDir(), 'two.csv');
    writeFileSync(
      two,
      'symbol,date,open,high,low,close,volume\nA,2024-01-02,1,1,1,1,1\nB,2024-01-03,1,1,1,1,1\n',
    );
    expect(() => classic(two)).toThrow(
      `${two}:3: a second instrument B after A; classic mode takes one instrument per file`,
    );
  });

  it('refuses a fast period not shorter than the slow one, and a range without bars', () => {
    const file = writeSeries(OPENS, CLOSES);
    expect(() => classic(file, { fast: 3, slow: 3 })).toThrow(
      'backtest options: fast: the fast SMA period must be shorter than the slow one',
    );
    expect(() =>
      runBacktest({
        mode: 'classic',
        file,
        range: { from: Date.UTC(2030, 0, 1), to: null, fromText: '2030-01-01', toText: null },
        fast: 2,
        slow: 3,
        size: 1,
        commission: 0,
        slippage: 0,
        cash: 1,
      }),
    ).toThrow(`${file}: no bar in from 2030-01-01`);
  });
});
