import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, bench, describe } from 'vitest';
import type { RoundTrip, TradeRecord, WorkingOrder } from '../../src-main/engine/ports';
import { openDatabase } from '../../src-main/store/database';
import { backupDatabase, exportCsv } from '../../src-main/store/export';
import { Sessions } from '../../src-main/store/sessions';
import { SqliteJournal } from '../../src-main/store/sqlite-journal';

// Export of a ~1 GB database: the online backup (`backupDatabase`, what `botv2 export --out` and the app's
// export run, followed by integrity_check on the copy) and the CSV export (`exportCsv`, `--csv`).
// Input, built once before the benchmarks through the engine's own write path (SqliteJournal, the same
// statements as live trading) in transactions of 20,000 orders + fills: for every order its fill; every
// second fill closes a round trip (a trades row); a 15-position checkpoint every 1,000 fills. Rows cycle
// over 40 instruments and 8 strategies with realistic reason texts. Building stops at the first
// transaction that takes the file past 1 GiB (BOTV2_EXPORT_BENCH_MB sets another size). Everything is
// in os.tmpdir() and removed at the end. Run: npx vitest bench --run tests/bench/export.bench.ts

const TARGET_BYTES = Number(process.env.BOTV2_EXPORT_BENCH_MB ?? 1024) * 1024 * 1024;
const PER_TRANSACTION = 20_000;
const dir = mkdtempSync(join(tmpdir(), 'botv2-export-bench-'));
const file = join(dir, 'botv2.sqlite');
const db = openDatabase(file);
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const STRATEGIES = ['momentum', 'mean-reversion', 'breakout', 'trend', 'pairs', 'volatility', 'carry', 'rsi'];
const INSTRUMENTS = Array.from({ length: 40 }, (_, i) => `SYM${i}-USD@venue${i % 3}`);
const positions = Array.from({ length: 15 }, (_, i) => ({
  instrument: INSTRUMENTS[i]!,
  qty: i + 1,
  avgPrice: 100 + i,
  lastPrice: 101 + i,
  openedAt: 0,
  strategy: STRATEGIES[i % 8]!,
  entryCommission: 0.1,
}));

const build = (): { seconds: number; rows: number } => {
  const started = performance.now();
  const journal = new SqliteJournal(db, new Sessions(db).start('bench', 0, null));
  let id = 0;
  let rows = 0;
  const batch = db.transaction(() => {
    for (let k = 0; k < PER_TRANSACTION; k++) {
      id += 1;
      const instrument = INSTRUMENTS[id % 40]!;
      const strategy = STRATEGIES[id % 8]!;
      const time = 1_700_000_000_000 + id * 60_000;
      const opening = id % 2 === 1;
      const order: WorkingOrder = {
        id,
        instrument,
        side: opening ? 'buy' : 'sell',
        qty: 1 + (id % 13),
        type: id % 5 === 0 ? 'limit' : 'market',
        limitPrice: id % 5 === 0 ? 100 + (id % 97) / 4 : undefined,
        timeInForce: id % 5 === 0 ? 'gtc' : 'ioc',
        strategy,
        reason: `${strategy}: z ${((id % 41) / 10).toFixed(1)} over 20 bars, weight ${(id % 9) / 10}`,
        submittedAt: time,
        filledQty: 0,
      };
      journal.recordOrder(order, null);
      const fill: TradeRecord = {
        orderId: id,
        time: time + 1,
        instrument,
        side: order.side,
        qty: order.qty,
        price: 100 + (id % 97) / 4,
        commission: 0.05 + (id % 7) / 100,
        liquidity: id % 5 === 0 ? 'maker' : 'taker',
        realizedPnl: opening ? 0 : ((id % 23) - 11) * 1.5,
        effect: opening ? 'open' : 'close',
        strategy,
        reason: order.reason,
      };
      const fillId = journal.recordFill(fill);
      journal.updateOrder(id, 'filled', order.qty);
      rows += 3;
      if (!opening) {
        const trip: RoundTrip = {
          instrument,
          side: 'long',
          qty: order.qty,
          entryTime: time - 60_000,
          exitTime: time + 1,
          entryPrice: 100,
          exitPrice: fill.price,
          pnl: fill.realizedPnl,
          commission: 0.2,
          strategy,
        };
        journal.recordRoundTrip(trip, fillId);
        rows += 1;
      }
      if (id % 1000 === 0) {
        journal.checkpoint({
          time,
          cash: 1e5,
          equity: 1e5 + id / 100,
          realizedPnl: id / 100,
          commissions: id / 1000,
          peakEquity: 1e5 + id / 100,
          positions,
          lastCloses: Object.fromEntries(positions.map((p) => [p.instrument, p.lastPrice])),
        });
        rows += 1;
      }
    }
  });
  while (statSync(file).size < TARGET_BYTES) {
    batch();
    db.pragma('wal_checkpoint(TRUNCATE)');
  }
  return { seconds: (performance.now() - started) / 1000, rows };
};

const built = build();
const size = statSync(file).size;
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const counts = ['orders', 'fills', 'trades', 'portfolio_checkpoints']
  .map((t) => `${t} ${db.prepare(`SELECT COUNT(*) FROM ${t}`).pluck().get() as number}`)
  .join(', ');
console.log(
  `export bench database: ${mb(size)} (${counts}), built through SqliteJournal in ${built.seconds.toFixed(1)} s ` +
    `(${Math.round(built.rows / built.seconds)} rows/s incl. order updates)`,
);

let copies = 0;
describe(`export of a ${mb(size)} database`, () => {
  bench(
    'backupDatabase (online backup + integrity_check of the copy)',
    async () => {
      copies += 1;
      const out = join(dir, `copy-${copies}.sqlite`);
      await backupDatabase(db, out);
      rmSync(out);
    },
    { iterations: 1, time: 0, warmupIterations: 0, warmupTime: 0 },
  );
  bench(
    'exportCsv (trades, fills, checkpoints)',
    () => {
      copies += 1;
      const out = join(dir, `csv-${copies}`);
      exportCsv(db, out);
      const written = readdirSync(out).reduce((sum, name) => sum + statSync(join(out, name)).size, 0);
      console.log(`CSV export wrote ${mb(written)}`);
      rmSync(out, { recursive: true });
    },
    { iterations: 1, time: 0, warmupIterations: 0, warmupTime: 0 },
  );
});
