import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { Rng } from '../../src-main/engine/rng';
import { EngineHost } from '../../src-main/host/engine-host';
import { createLogger } from '../../src-main/log';
import { testSettings } from '../helpers/settings';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const CLI = join(__dirname, '..', '..', 'dist', 'main', 'cli.cjs');
const KILLS = 50;

/** Runs `botv2 run --speed max --progress` and SIGKILLs it after its `killAfter`-th committed batch. */
function runAndKill(dataDir: string, killAfter: number): Promise<{ acknowledged: number; batches: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [CLI, 'run', '--data-dir', dataDir, '--speed', 'max', '--seed', '3', '--progress'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let acknowledged = 0;
    let batches = 0;
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    createInterface({ input: child.stdout }).on('line', (line) => {
      const match = /^committed steps=\d+ fills=\d+ last_fill=(\d+)$/.exec(line);
      if (!match) return;
      acknowledged = Math.max(acknowledged, Number(match[1]));
      batches += 1;
      if (batches === killAfter) child.kill('SIGKILL');
    });
    child.once('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve({ acknowledged, batches });
      else reject(new Error(`botv2 run ended with ${code ?? signal} before it was killed:\n${stderr}`));
    });
  });
}

describe('crash safety', () => {
  it(`keeps every acknowledged fill and a consistent ledger through ${KILLS} SIGKILLs`, async () => {
    const dir = tempDir();
    const file = join(dir, 'botv2.sqlite');
    const rng = new Rng(2026);
    let acknowledged = 0;
    for (let i = 0; i < KILLS; i++) {
      const run = await runAndKill(dir, 1 + Math.floor(rng.next() * 4));
      acknowledged = Math.max(acknowledged, run.acknowledged);
      const db = new Database(file, { readonly: true });
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const ids = db.prepare('SELECT id FROM fills ORDER BY id').pluck().all() as number[];
      // Every acknowledged fill is there, and fills form one gap-free sequence (no half-written batch).
      expect(ids.length).toBeGreaterThanOrEqual(acknowledged);
      expect(ids[ids.length - 1] ?? 0).toBe(ids.length);
      // Each order's filled quantity is exactly the sum of its fills.
      const mismatched = db
        .prepare(
          `SELECT o.id FROM orders o LEFT JOIN (SELECT order_id, SUM(qty) AS q FROM fills GROUP BY order_id) f
           ON f.order_id = o.id WHERE ABS(o.filled_qty - COALESCE(f.q, 0)) > 1e-9`,
        )
        .all();
      expect(mismatched).toEqual([]);
      db.close();
    }
    expect(acknowledged).toBeGreaterThan(0);

    // The state restored at start equals the state recomputed from the ledger of fills.
    const settings = testSettings();
    const host = new EngineHost({
      dataDir: dir,
      settings,
      logger: createLogger(null, 'error'),
      mode: 'test',
    });
    expect(host.status().recovery).toMatch(/^recovered after an unclean stop at \d{4}-/);
    const fills = host.db
      .prepare('SELECT side, qty, price, commission, instrument FROM fills ORDER BY id')
      .all() as {
      side: string;
      qty: number;
      price: number;
      commission: number;
      instrument: string;
    }[];
    let cash = settings.paper.initialCash;
    const qty = new Map<string, number>();
    for (const f of fills) {
      const signed = f.side === 'buy' ? f.qty : -f.qty;
      cash -= signed * f.price + f.commission;
      qty.set(f.instrument, (qty.get(f.instrument) ?? 0) + signed);
    }
    const snapshot = host.snapshot();
    expect(snapshot.portfolio.cash).toBeCloseTo(cash, 6);
    const ledgerEquity =
      cash + snapshot.positions.reduce((sum, p) => sum + (qty.get(p.instrument) ?? 0) * p.lastPrice, 0);
    expect(snapshot.portfolio.equity).toBeCloseTo(ledgerEquity, 6);
    for (const p of snapshot.positions) expect(p.qty).toBeCloseTo(qty.get(p.instrument) ?? 0, 9);
    const positionsTable = host.db.prepare('SELECT instrument, qty FROM positions').all() as {
      instrument: string;
      qty: number;
    }[];
    expect(positionsTable.map((p) => [p.instrument, p.qty])).toEqual(
      snapshot.positions.map((p) => [p.instrument, p.qty]),
    );
    host.close();
  }, 180_000);
});
