import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, bench, describe } from 'vitest';
import { openDatabase } from '../../src-main/store/database';
import { Sessions } from '../../src-main/store/sessions';
import { SqliteJournal } from '../../src-main/store/sqlite-journal';
import type { PortfolioCheckpoint, TradeRecord, WorkingOrder } from '../../src-main/engine/ports';

// Store benchmarks: commit latency of one fill with synchronous=FULL (a real fsync per commit on this
// disk), batch insert throughput, and checkpoint cost. Run: npx vitest bench --run tests/bench/store.bench.ts

const dir = mkdtempSync(join(tmpdir(), 'botv2-bench-'));
const db = openDatabase(join(dir, 'bench.sqlite'));
const session = new Sessions(db).start('bench', 0, null);
const journal = new SqliteJournal(db, session);
let nextId = 1;

const order = (id: number): WorkingOrder => ({
  id,
  instrument: 'BTC-USD@alpha',
  side: 'buy',
  qty: 1,
  type: 'market',
  timeInForce: 'ioc',
  strategy: 'momentum',
  reason: 'return 0.3 % over 10 bars',
  submittedAt: id,
  filledQty: 0,
});
const fill = (id: number): TradeRecord => ({
  orderId: id,
  time: id,
  instrument: 'BTC-USD@alpha',
  side: 'buy',
  qty: 1,
  price: 100 + (id % 7),
  commission: 0.1,
  liquidity: 'taker',
  realizedPnl: 0,
  effect: 'open',
  strategy: 'momentum',
  reason: 'return 0.3 % over 10 bars',
});
const checkpoint: PortfolioCheckpoint = {
  time: 1,
  cash: 1e5,
  equity: 1e5,
  realizedPnl: 0,
  commissions: 0,
  peakEquity: 1e5,
  positions: Array.from({ length: 15 }, (_, i) => ({
    instrument: `I${i}`,
    qty: i,
    avgPrice: 100,
    lastPrice: 101,
    openedAt: 0,
    strategy: 's',
    entryCommission: 0.1,
  })),
  lastCloses: Object.fromEntries(Array.from({ length: 15 }, (_, i) => [`I${i}`, 101])),
};

const latencies: number[] = [];
const commitOne = db.transaction(() => {
  const id = nextId++;
  journal.recordOrder(order(id), null);
  journal.recordFill(fill(id));
});
const BATCH = 1000;
const LARGE_BATCH = 10_000;
/** `size` orders and their fills in one transaction: 2 × size rows, one commit (one fsync). */
const commitOrdersAndFills = db.transaction((size: number) => {
  for (let i = 0; i < size; i++) {
    const id = nextId++;
    journal.recordOrder(order(id), null);
    journal.recordFill(fill(id));
  }
});
const commitBatch = () => commitOrdersAndFills(BATCH);

describe('store', () => {
  bench('commit one order + fill (synchronous=FULL)', () => {
    const start = performance.now();
    commitOne();
    latencies.push(performance.now() - start);
  });
  bench(`batch of ${BATCH} orders + fills in one transaction (${2 * BATCH} rows)`, () => commitBatch());
  bench(`batch of ${LARGE_BATCH} orders + fills in one transaction (${2 * LARGE_BATCH} rows)`, () =>
    commitOrdersAndFills(LARGE_BATCH),
  );
  bench('checkpoint (15 positions) in its own transaction', () =>
    db.transaction(() => journal.checkpoint(checkpoint))(),
  );
});

afterAll(() => {
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!.toFixed(3);
  console.log(`fill commit latency over ${latencies.length} commits: p50 ${at(0.5)} ms, p99 ${at(0.99)} ms`);
  db.close();
  rmSync(dir, { recursive: true, force: true });
});
