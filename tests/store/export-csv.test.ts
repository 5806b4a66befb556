import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src-main/store/database';
import { exportCsv } from '../../src-main/store/export';
import { Sessions } from '../../src-main/store/sessions';
import { SqliteJournal } from '../../src-main/store/sqlite-journal';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();

describe('exportCsv', () => {
  it('writes every file byte for byte: header, quoting of quotes, commas and newlines, empty NULLs', () => {
    const db = openDatabase(join(tempDir(), 'a.sqlite'));
    const journal = new SqliteJournal(db, new Sessions(db).start('paper', 0, null));
    journal.recordOrder(
      {
        id: 1,
        instrument: 'SPY',
        side: 'buy',
        qty: 2,
        type: 'market',
        timeInForce: 'ioc',
        strategy: 'trend',
        reason: 'r',
        submittedAt: 5,
        filledQty: 0,
      },
      null,
    );
    const base = {
      time: 6,
      instrument: 'SPY',
      side: 'buy' as const,
      qty: 2,
      price: 100.25,
      commission: 0.1,
      liquidity: 'taker' as const,
      realizedPnl: -1.5e-7,
      effect: 'open' as const,
      strategy: 'trend',
    };
    journal.recordFill({ ...base, orderId: 1, reason: 'plain' });
    journal.recordFill({ ...base, orderId: 1, reason: 'says "go", now\nnext line' });
    const fillId = journal.recordFill({ ...base, orderId: null as unknown as number, reason: 'settled\r' });
    journal.recordRoundTrip(
      {
        instrument: 'SPY',
        side: 'long',
        qty: 2,
        entryTime: 6,
        exitTime: 7,
        entryPrice: 100.25,
        exitPrice: 101,
        pnl: 1.5,
        commission: 0.2,
        strategy: 'trend',
      },
      fillId,
    );
    journal.checkpoint({
      time: 8,
      cash: 99_798.5,
      equity: 100_000,
      realizedPnl: 0,
      commissions: 0.1,
      peakEquity: 100_000,
      positions: [],
      lastCloses: {},
    });
    const out = join(tempDir(), 'csv');
    expect(exportCsv(db, out)).toEqual({ 'trades.csv': 1, 'fills.csv': 3, 'checkpoints.csv': 1 });
    expect(readdirSync(out).sort()).toEqual(['checkpoints.csv', 'fills.csv', 'trades.csv']);
    expect(readFileSync(join(out, 'fills.csv'), 'utf8')).toBe(
      'id,order_id,time,instrument,side,qty,price,commission,liquidity,realized_pnl,effect,strategy,reason\n' +
        '1,1,6,SPY,buy,2,100.25,0.1,taker,-1.5e-7,open,trend,plain\n' +
        '2,1,6,SPY,buy,2,100.25,0.1,taker,-1.5e-7,open,trend,"says ""go"", now\nnext line"\n' +
        '3,,6,SPY,buy,2,100.25,0.1,taker,-1.5e-7,open,trend,"settled\r"\n',
    );
    expect(readFileSync(join(out, 'trades.csv'), 'utf8')).toBe(
      'id,instrument,side,qty,entry_time,exit_time,entry_price,exit_price,pnl,commission,strategy,closing_fill_id\n' +
        '1,SPY,long,2,6,7,100.25,101,1.5,0.2,trend,3\n',
    );
    expect(readFileSync(join(out, 'checkpoints.csv'), 'utf8')).toBe(
      'id,time,cash,equity,realized_pnl,commissions,peak_equity,positions,last_fill_id\n' +
        '1,8,99798.5,100000,0,0.1,100000,[],3\n',
    );
    db.close();
  });

  it('writes only the header for an empty table, and streams a large table in several chunks', () => {
    const db = openDatabase(join(tempDir(), 'b.sqlite'));
    const out = join(tempDir(), 'csv');
    expect(exportCsv(db, out)['trades.csv']).toBe(0);
    expect(readFileSync(join(out, 'trades.csv'), 'utf8')).toBe(
      'id,instrument,side,qty,entry_time,exit_time,entry_price,exit_price,pnl,commission,strategy,closing_fill_id\n',
    );
    // 30,000 fills of ~90 bytes: ~2.6 MB, more than two 1 MiB chunks; every line present, in order.
    const journal = new SqliteJournal(db, new Sessions(db).start('paper', 0, null));
    db.transaction(() => {
      for (let id = 1; id <= 30_000; id++)
        journal.recordFill({
          orderId: null as unknown as number,
          time: id,
          instrument: 'SPY',
          side: 'sell',
          qty: 1,
          price: id / 8,
          commission: 0,
          liquidity: 'maker',
          realizedPnl: 0,
          effect: 'close',
          strategy: 'trend',
          reason: `row ${id}`,
        });
    })();
    const again = join(tempDir(), 'csv2');
    expect(exportCsv(db, again)['fills.csv']).toBe(30_000);
    const lines = readFileSync(join(again, 'fills.csv'), 'utf8').split('\n');
    expect(lines).toHaveLength(30_002);
    expect(lines[30_001]).toBe('');
    for (let id = 1; id <= 30_000; id++)
      expect(lines[id]).toBe(`${id},,${id},SPY,sell,1,${id / 8},0,maker,0,close,trend,row ${id}`);
    expect(existsSync(join(again, 'fills.csv.partial'))).toBe(false);
    db.close();
  });
});
