import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, bench, describe } from 'vitest';
import { DashboardQueries } from '../../src-main/host/dashboard-queries';
import { EquityHistory } from '../../src-main/host/equity-history';
import { openDatabase } from '../../src-main/store/database';
import { testSettings } from '../helpers/settings';

// Dashboard read paths on the engine's thread: a trade-log page of 100 000 fills (the newest, the oldest,
// filtered), a decision record, the risk metrics over 200 000 equity samples, and the equity chart's
// LTTB over a million points. Run: npx vitest bench --run tests/bench/dashboard.bench.ts

const FILLS = 100_000;
const dir = mkdtempSync(join(tmpdir(), 'botv2-bench-'));
const db = openDatabase(join(dir, 'bench.sqlite'));
const insert = db.prepare(
  `INSERT INTO fills (order_id, time, instrument, side, qty, price, commission, liquidity, realized_pnl, effect, strategy, reason)
   VALUES (NULL, ?, ?, ?, 1, 100, 0.05, 'taker', 0, 'open', ?, 'bench')`,
);
db.transaction(() => {
  for (let i = 1; i <= FILLS; i++)
    insert.run(i * 60_000, i % 2 ? 'A' : 'B', i % 3 ? 'buy' : 'sell', `s${i % 20}`);
})();
const sample = db.prepare(
  'INSERT INTO performance_metrics (time, equity, cash, drawdown, exposure, realized_pnl, unrealized_pnl) VALUES (?, ?, ?, 0, 0, 0, 0)',
);
db.transaction(() => {
  for (let i = 1; i <= 200_000; i++) sample.run(i * 300_000, 100_000 + 500 * Math.sin(i / 300), 100_000);
})();
const settings = testSettings();
const queries = new DashboardQueries(db, () => settings);

const history = new EquityHistory();
for (let i = 0; i < 1_000_000; i++)
  history.push({
    time: i * 60_000,
    equity: 100_000 + 3000 * Math.sin(i / 5000) + 50 * Math.sin(i * 1.7),
    drawdown: 0,
  });

afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('trade log over 100 000 fills', () => {
  bench('newest page (100 rows)', () => {
    queries.tradeLog({ offset: 0, limit: 100, maxId: FILLS });
  });
  bench('oldest page (offset 99 900)', () => {
    queries.tradeLog({ offset: FILLS - 100, limit: 100, maxId: FILLS });
  });
  bench('oldest page of one strategy (offset 4 900 of 5 000)', () => {
    queries.tradeLog({ offset: 4900, limit: 100, strategy: 's7', maxId: FILLS });
  });
  bench('filter choices (distinct instruments and strategies)', () => {
    queries.tradeLogOptions();
  });
});

describe('risk metrics', () => {
  bench('first call: read 200 000 equity samples, then the table', () => {
    new DashboardQueries(db, () => settings).riskMetrics();
  });
  bench('later calls: nothing new to read, the table over 200 000 samples', () => {
    queries.riskMetrics();
  });
});

describe('equity history of 1 000 000 points', () => {
  bench('whole history to 5000 points (LTTB)', () => {
    history.downsample(5000);
  });
  bench('a window of 50 000 points to 4000', () => {
    history.downsample(4000, 400_000 * 60_000, 450_000 * 60_000);
  });
});
