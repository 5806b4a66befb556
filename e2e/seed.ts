import { join } from 'node:path';
import { openDatabase } from '../src-main/store/database';

const MINUTE = 60_000;
/** Seeded history ends before the synthetic market starts (2024-01-01), so live data follows it. */
const SEED_END = Date.UTC(2023, 11, 31, 23, 0, 0);

/**
 * `count` fills in a new database (the app's schema, via openDatabase), alternating two strategies, two
 * instruments and both sides; ids 1..count, oldest first. No checkpoint, so the engine starts afresh.
 */
export function seedFills(dataDir: string, count: number): void {
  const db = openDatabase(join(dataDir, 'botv2.sqlite'));
  const insert = db.prepare(
    `INSERT INTO fills (order_id, time, instrument, side, qty, price, commission, liquidity, realized_pnl, effect, strategy, reason)
     VALUES (NULL, ?, ?, ?, 1, ?, 0.05, 'taker', 0, 'open', ?, 'seeded')`,
  );
  db.transaction(() => {
    for (let i = 1; i <= count; i++) {
      insert.run(
        SEED_END - (count - i) * MINUTE,
        i % 2 ? 'SEED-A' : 'SEED-B',
        i % 3 ? 'buy' : 'sell',
        100 + (i % 50),
        i % 4 ? 'seed-alpha' : 'seed-beta',
      );
    }
  })();
  db.close();
}

/**
 * `count` portfolio checkpoints one minute apart ending before the market starts: an equity history of
 * that many points (a random walk ending at 100 000 in cash, so the engine continues from it).
 */
export function seedEquityHistory(dataDir: string, count: number): void {
  const db = openDatabase(join(dataDir, 'botv2.sqlite'));
  const insert = db.prepare(
    `INSERT INTO portfolio_checkpoints (time, cash, equity, realized_pnl, commissions, peak_equity, positions, breaker, engine_state, last_fill_id)
     VALUES (?, ?, ?, 0, 0, ?, '[]', 'null', '{}', 0)`,
  );
  let equity = 100_000;
  let peak = equity;
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      // A deterministic wiggle: several sines of different periods.
      equity =
        i === count - 1
          ? 100_000
          : 100_000 + 3000 * Math.sin(i / 5000) + 400 * Math.sin(i / 97) + 50 * Math.sin(i * 1.7);
      peak = Math.max(peak, equity);
      insert.run(SEED_END - (count - 1 - i) * MINUTE, equity, equity, peak);
    }
  })();
  db.close();
}
