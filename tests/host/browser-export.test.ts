import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { BROWSER_EXPORT_REFUSAL } from '../../src-main/host/browser-server';
import { httpGet, useServedHost } from '../helpers/served-host';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const serve = useServedHost();
const start = () => serve(400);
const get = httpGet;

const exportDirs = () => readdirSync(tmpdir()).filter((name) => name.startsWith('botv2-export-'));

describe('browser mode: exports', () => {
  it('streams a fresh database copy and each CSV table to a client with the token, then removes its files', async () => {
    const { server, host } = await start();
    const before = exportDirs();
    expect((await get(server.port, '/export/botv2.sqlite')).status).toBe(401);
    const db = await get(server.port, `/export/botv2.sqlite?token=${server.token}`);
    expect(db.status).toBe(200);
    expect(db.body.subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
    expect(db.headers['content-disposition']).toMatch(
      /^attachment; filename="botv2-\d{8}T\d{6}-botv2\.sqlite"$/,
    );
    expect(Number(db.headers['content-length'])).toBe(db.body.length);

    const fills = await get(server.port, `/export/fills.csv?token=${server.token}`);
    expect(fills.status).toBe(200);
    expect(fills.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = fills.body.toString('utf8').trimEnd().split('\n');
    expect(lines[0]).toBe(
      'id,order_id,time,instrument,side,qty,price,commission,liquidity,realized_pnl,effect,strategy,reason',
    );
    expect(lines).toHaveLength(host.read.executionsPage(0, 1).total + 1);

    expect((await get(server.port, `/export/secrets.txt?token=${server.token}`)).status).toBe(404);
    expect(
      (
        await get(server.port, `/export/botv2.sqlite?token=${server.token}`, {
          origin: 'http://evil.example',
        })
      ).status,
    ).toBe(403);
    expect(exportDirs()).toEqual(before);
  });

  it('refuses exportData over the socket: a page may not choose where the server writes', async () => {
    const { server } = await start();
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/ws?token=${server.token}`, {
      headers: { origin: `http://127.0.0.1:${server.port}` },
    });
    await new Promise((resolve) => ws.once('open', resolve));
    const answer = new Promise<unknown>((resolve) =>
      ws.on('message', (data: WebSocket.RawData) => {
        const frame = JSON.parse(data.toString()) as { type: string; id?: number; result?: unknown };
        if (frame.type === 'response' && frame.id === 7) resolve(frame.result);
      }),
    );
    const target = join(tempDir(), 'stolen.sqlite');
    ws.send(
      JSON.stringify({
        type: 'request',
        id: 7,
        name: 'exportData',
        input: { format: 'database', path: target },
      }),
    );
    expect(await answer).toEqual({ ok: false, error: BROWSER_EXPORT_REFUSAL });
    ws.close();
  });
});
