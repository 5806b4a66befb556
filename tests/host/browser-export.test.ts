import { request } from 'node:http';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import {
  BROWSER_EXPORT_REFUSAL,
  startBrowserServer,
  type BrowserServer,
} from '../../src-main/host/browser-server';
import { createDispatch } from '../../src-main/host/request-handlers';
import { createLogger } from '../../src-main/log';
import { testHost } from '../helpers/host';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const logger = createLogger(null, 'error');
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function start(): Promise<{ server: BrowserServer; host: ReturnType<typeof testHost> }> {
  const staticDir = join(tempDir(), 'renderer');
  mkdirSync(staticDir, { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>t</title>');
  const host = testHost(tempDir());
  host.stepNow(400);
  const server = await startBrowserServer({
    dispatch: createDispatch(host, logger),
    subscribe: (l) => host.subscribe(l),
    staticDir,
    port: 0,
    bindHost: '127.0.0.1',
    ipAllowlist: [],
    logger,
  });
  cleanups.push(
    () => host.close(),
    () => server.close(),
  );
  return { server, host };
}

function get(port: number, path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>(
    (resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port, path, headers: { host: `127.0.0.1:${port}`, ...headers } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
          );
        },
      );
      req.on('error', reject);
      req.end();
    },
  );
}

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
