import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DashboardQueries } from '../../src-main/host/dashboard-queries';
import { openDatabase, type Db } from '../../src-main/store/database';
import { testHost } from '../helpers/host';
import { testSettings } from '../helpers/settings';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const DAY = 86_400_000;
const T0 = Date.UTC(2024, 0, 1);
const settings = testSettings();

function freshDb(): Db {
  return openDatabase(join(tempDir(), 'botv2.sqlite'));
}

function addSample(db: Db, time: number, equity: number): void {
  db.prepare(
    'INSERT INTO performance_metrics (time, equity, cash, drawdown, exposure, realized_pnl, unrealized_pnl) VALUES (?, ?, ?, 0, 0, 0, 0)',
  ).run(time, equity, equity);
}

function addSession(db: Db): void {
  db.prepare("INSERT INTO sessions (id, started_at, mode) VALUES (1, 0, 'test')").run();
}

/** A fill; the `trades` round trip that closes on it (pnl, commission) when given. */
function addFill(
  db: Db,
  f: { instrument: string; side: 'buy' | 'sell'; strategy: string; orderId?: number | null },
  trip?: { pnl: number; commission: number; strategy: string },
): number {
  const id = Number(
    db
      .prepare(
        `INSERT INTO fills (order_id, time, instrument, side, qty, price, commission, liquidity, realized_pnl, effect, strategy, reason)
         VALUES (?, ?, ?, ?, 1, 100, 0.1, 'taker', 0, 'open', ?, 'why')`,
      )
      .run(f.orderId ?? null, T0, f.instrument, f.side, f.strategy).lastInsertRowid,
  );
  if (trip) {
    db.prepare(
      `INSERT INTO trades (instrument, side, qty, entry_time, exit_time, entry_price, exit_price, pnl, commission, strategy, closing_fill_id)
       VALUES (?, 'long', 1, ?, ?, 100, 101, ?, ?, ?, ?)`,
    ).run(f.instrument, T0, T0 + 1, trip.pnl, trip.commission, trip.strategy, id);
  }
  return id;
}

describe('DashboardQueries: risk metrics', () => {
  it('computes the table from the equity samples and round trips, as computed by hand', () => {
    const db = freshDb();
    // Equity 100 → 110 → 99 → 121, one sample a day.
    [100, 110, 99, 121].forEach((equity, i) => addSample(db, T0 + i * DAY, equity));
    addFill(db, { instrument: 'A', side: 'sell', strategy: 'a' }, { pnl: 10, commission: 1, strategy: 'a' });
    addFill(db, { instrument: 'A', side: 'sell', strategy: 'a' }, { pnl: -5, commission: 1, strategy: 'a' });
    addFill(db, { instrument: 'A', side: 'sell', strategy: 'a' }, { pnl: 1, commission: 1, strategy: 'a' });
    addFill(db, { instrument: 'B', side: 'sell', strategy: 'b' }, { pnl: 20, commission: 2, strategy: 'b' });
    const metrics = new DashboardQueries(db, () => settings).riskMetrics();

    // Returns 0.1, −0.1, 2/9; sample standard deviation (n − 1); 3 returns over 3 days: P = 365.25 a year.
    const r = [0.1, -0.1, 2 / 9];
    const mean = (r[0]! + r[1]! + r[2]!) / 3;
    const sd = Math.sqrt(r.reduce((s, x) => s + (x - mean) ** 2, 0) / 2);
    expect(metrics.sharpe).toBeCloseTo((mean / sd) * Math.sqrt(365.25), 10);
    // Downside deviation over all 3 returns: √(0.01 / 3).
    expect(metrics.sortino).toBeCloseTo((mean / Math.sqrt(0.01 / 3)) * Math.sqrt(365.25), 10);
    expect(metrics.totalReturn).toBeCloseTo(0.21, 12);
    expect(metrics.maxDrawdown).toEqual({
      depth: expect.closeTo(0.1, 12),
      peakTime: T0 + DAY,
      troughTime: T0 + 2 * DAY,
      recoveryTime: T0 + 3 * DAY,
      durationMs: 2 * DAY,
    });
    // Three days of history: no annualised growth.
    expect(metrics.cagr).toBeNull();
    expect(metrics.calmar).toBeNull();
    // Net P&L 9, −6, 0, 18: two wins, one loss, one neither.
    expect(metrics).toMatchObject({
      asOf: T0 + 3 * DAY,
      samples: 4,
      trades: 4,
      wins: 2,
      losses: 1,
      winRate: 0.5,
      grossProfit: 27,
      grossLoss: 6,
      profitFactor: 4.5,
      expectancy: 21 / 4,
    });
    expect(metrics.limits).toEqual({
      breakerLevels: [
        { level: 1, drawdown: 0.05, sizeMultiplier: 0.5 },
        { level: 2, drawdown: 0.1, sizeMultiplier: 0.5 },
        { level: 3, drawdown: 0.15, sizeMultiplier: 0 },
      ],
      cooldownMinutes: 30,
      maxGrossExposure: 1,
      kellyFraction: 0.25,
      cascadeHighThreshold: 0.7,
    });
    db.close();
  });

  it('gives CAGR and Calmar from 30 days of history', () => {
    const db = freshDb();
    addSample(db, T0, 100);
    addSample(db, T0 + 10 * DAY, 90);
    addSample(db, T0 + 365.25 * DAY, 121);
    const metrics = new DashboardQueries(db, () => settings).riskMetrics();
    // One calendar year from 100 to 121: CAGR 21 %; Calmar 0.21 / 0.1.
    expect(metrics.cagr).toBeCloseTo(0.21, 12);
    expect(metrics.calmar).toBeCloseTo(2.1, 10);
    db.close();
  });

  it('reads new rows incrementally, across chunk boundaries, to the same figures as a fresh read', () => {
    const db = freshDb();
    const incremental = new DashboardQueries(db, () => settings, 3);
    let equity = 100;
    for (let round = 0; round < 4; round++) {
      for (let i = 0; i < 7; i++) {
        equity *= 1 + Math.sin(round * 7 + i) / 50;
        addSample(db, T0 + (round * 7 + i) * 3_600_000, equity);
        const pnl = Math.cos(round * 7 + i) * 10;
        addFill(
          db,
          { instrument: 'A', side: 'sell', strategy: `s${i % 3}` },
          { pnl, commission: 0.5, strategy: `s${i % 3}` },
        );
      }
      const fresh = new DashboardQueries(db, () => settings);
      const [x, y] = [incremental.riskMetrics(), fresh.riskMetrics()];
      // Sums taken in chunks differ from one sum only by floating-point rounding.
      for (const key of ['grossProfit', 'grossLoss', 'expectancy', 'profitFactor'] as const) {
        expect(x[key]).toBeCloseTo(y[key]!, 9);
        x[key] = y[key]!;
      }
      expect(x).toEqual(y);
      const a = incremental.strategyPnl();
      const b = fresh.strategyPnl();
      expect(a.map((row) => row.strategy)).toEqual(['s0', 's1', 's2']);
      a.forEach((row, i) => {
        expect(row.trades).toBe(b[i]!.trades);
        expect(row.wins).toBe(b[i]!.wins);
        expect(row.netPnl).toBeCloseTo(b[i]!.netPnl, 9);
      });
    }
    db.close();
  });

  it('keeps every sample past its first capacity, and drops a sample that goes back in time', () => {
    const db = freshDb();
    db.transaction(() => {
      for (let i = 0; i < 3000; i++) addSample(db, T0 + i * 3_600_000, 100 + i);
    })();
    addSample(db, T0, 1); // earlier than the last: ignored
    const metrics = new DashboardQueries(db, () => settings).riskMetrics();
    // 100 → 3099, never below a previous peak.
    expect(metrics).toMatchObject({ samples: 3000, asOf: T0 + 2999 * 3_600_000, maxDrawdown: { depth: 0 } });
    expect(metrics.totalReturn).toBeCloseTo(3099 / 100 - 1, 12);
    db.close();
  });

  it('answers with empty figures before the first checkpoint', () => {
    const db = freshDb();
    const metrics = new DashboardQueries(db, () => settings).riskMetrics();
    expect(metrics).toMatchObject({
      asOf: null,
      samples: 0,
      sharpe: null,
      totalReturn: null,
      winRate: null,
      profitFactor: null,
      expectancy: null,
      maxDrawdown: { depth: 0, durationMs: 0 },
    });
    db.close();
  });
});

describe('DashboardQueries: daily returns and strategy P&L', () => {
  it('closes each UTC day on its last sample; the live equity counts for today', () => {
    const db = freshDb();
    addSample(db, T0, 100);
    addSample(db, T0 + 12 * 3_600_000, 105);
    addSample(db, T0 + DAY + 6 * 3_600_000, 102);
    addSample(db, T0 + 2 * DAY + 3_600_000, 110);
    const queries = new DashboardQueries(db, () => settings);
    const live = { time: T0 + 2 * DAY + 3 * 3_600_000, equity: 112 };
    expect(queries.dailyReturns(10, live)).toEqual([
      { day: '2024-01-01', close: 105, return: expect.closeTo(0.05, 12), partial: false },
      { day: '2024-01-02', close: 102, return: expect.closeTo(102 / 105 - 1, 12), partial: false },
      { day: '2024-01-03', close: 112, return: expect.closeTo(112 / 102 - 1, 12), partial: true },
    ]);
    expect(queries.dailyReturns(1, null)).toEqual([
      { day: '2024-01-03', close: 110, return: expect.closeTo(110 / 102 - 1, 12), partial: false },
    ]);
    db.close();
  });

  it('attributes money P&L to the strategy that opened each round trip', () => {
    const db = freshDb();
    addFill(db, { instrument: 'A', side: 'sell', strategy: 'x' }, { pnl: 10, commission: 1, strategy: 'a' });
    addFill(db, { instrument: 'A', side: 'sell', strategy: 'x' }, { pnl: -5, commission: 1, strategy: 'a' });
    addFill(db, { instrument: 'B', side: 'sell', strategy: 'x' }, { pnl: 20, commission: 2, strategy: 'b' });
    expect(new DashboardQueries(db, () => settings).strategyPnl()).toEqual([
      { strategy: 'a', trades: 2, wins: 1, pnl: 5, commission: 2, netPnl: 3 },
      { strategy: 'b', trades: 1, wins: 1, pnl: 20, commission: 2, netPnl: 18 },
    ]);
    db.close();
  });
});

describe('DashboardQueries: trade log', () => {
  it('pages newest first, fixed to maxId while fills arrive, with filters and their choices', () => {
    const db = freshDb();
    for (let i = 1; i <= 10; i++)
      addFill(db, {
        instrument: i % 2 ? 'ODD' : 'EVEN',
        side: i % 3 ? 'buy' : 'sell',
        strategy: `s${i % 2}`,
      });
    const queries = new DashboardQueries(db, () => settings);
    const first = queries.tradeLog({ offset: 2, limit: 3 });
    expect(first.items.map((f) => f.id)).toEqual([8, 7, 6]);
    expect(first).toMatchObject({ total: 10, maxId: 10 });
    addFill(db, { instrument: 'ODD', side: 'buy', strategy: 's1' });
    // The same page at the same maxId: the new fill (id 11) shifts nothing.
    expect(queries.tradeLog({ offset: 2, limit: 3, maxId: 10 }).items.map((f) => f.id)).toEqual([8, 7, 6]);
    expect(queries.tradeLog({ offset: 0, limit: 1 })).toMatchObject({ total: 11, maxId: 11 });
    const odd = queries.tradeLog({ offset: 0, limit: 100, instrument: 'ODD', side: 'buy', maxId: 10 });
    expect(odd.items.map((f) => f.id)).toEqual([7, 5, 1]);
    expect(odd.total).toBe(3);
    expect(odd.items[0]).toMatchObject({ instrument: 'ODD', side: 'buy', orderId: null, realizedPnl: 0 });
    expect(queries.tradeLogOptions()).toEqual({ instruments: ['EVEN', 'ODD'], strategies: ['s0', 's1'] });
    // The choices are read incrementally (here 4 rows at a time): a new fill adds its labels.
    const chunked = new DashboardQueries(db, () => settings, 4);
    expect(chunked.tradeLogOptions()).toEqual({ instruments: ['EVEN', 'ODD'], strategies: ['s0', 's1'] });
    addFill(db, { instrument: 'NEW', side: 'sell', strategy: 'cascade-guard' });
    expect(chunked.tradeLogOptions()).toEqual({
      instruments: ['EVEN', 'NEW', 'ODD'],
      strategies: ['cascade-guard', 's0', 's1'],
    });
    db.close();
  });

  it('opens the decision record behind a fill of a real run: votes, Kelly inputs and sizing', () => {
    const host = testHost(tempDir());
    host.stepNow(1500);
    const queries = new DashboardQueries(host.db, () => host.settings);
    const page = queries.tradeLog({ offset: 0, limit: 500 });
    const withOrder = page.items.find((f) => f.orderId !== null && f.strategy !== 'cascade-guard');
    expect(withOrder).toBeDefined();
    const detail = queries.decisionRecord(withOrder!.id);
    expect(detail.ok).toBe(true);
    if (!detail.ok) return;
    const { fill, order, decision } = detail.value;
    expect(fill.id).toBe(withOrder!.id);
    expect(order).toMatchObject({ id: withOrder!.orderId, side: withOrder!.side });
    // The engine's record matches the schema the drawer reads; its order size is the order's (signed).
    expect(decision?.ensemble).not.toBeNull();
    const ensemble = decision!.ensemble!;
    expect(Math.abs(ensemble.orderQty)).toBeCloseTo(order!.qty, 9);
    expect(ensemble.breakdown.length).toBeGreaterThan(0);
    expect(ensemble.breakdown.reduce((s, v) => s + v.contribution, 0)).toBeCloseTo(ensemble.vote.score, 9);
    expect(decision!.raw).toMatchObject({ kelly: ensemble.kelly });
    expect(queries.decisionRecord(999_999)).toEqual({ ok: false, error: 'no trade with id 999999' });
    host.close();
  });

  it('shows a fill without an order (a settlement) with neither order nor decision', () => {
    const db = freshDb();
    addSession(db);
    const id = addFill(db, { instrument: 'P', side: 'sell', strategy: 'settlement' });
    const detail = new DashboardQueries(db, () => settings).decisionRecord(id);
    expect(detail).toMatchObject({ ok: true, value: { fill: { id }, order: null, decision: null } });
    db.close();
  });
});
