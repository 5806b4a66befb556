import { request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { startBrowserServer, type BrowserServer } from '../../src-main/host/browser-server';
import { createDispatch } from '../../src-main/host/request-handlers';
import { createLogger } from '../../src-main/log';
import { testHost } from './host';
import { useTempDirs } from './temp-dir';

export interface ServedHost {
  server: BrowserServer;
  host: ReturnType<typeof testHost>;
}

/**
 * Browser mode over a real EngineHost on a free port, with a tiny static page (index.html and
 * assets/app.js); `steps` engine steps run before it serves. Closed after each test.
 */
export function useServedHost(): (steps?: number) => Promise<ServedHost> {
  const tempDir = useTempDirs();
  const logger = createLogger(null, 'error');
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  return async (steps = 0) => {
    const staticDir = join(tempDir(), 'renderer');
    mkdirSync(join(staticDir, 'assets'), { recursive: true });
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>t</title>');
    writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
    const host = testHost(tempDir());
    if (steps > 0) host.stepNow(steps);
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
  };
}

/** A GET to the loopback server with the right Host header (and any others); the body as bytes. */
export function httpGet(
  port: number,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
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
  });
}
