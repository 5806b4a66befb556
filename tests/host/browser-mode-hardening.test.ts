import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startBrowserServer, type BrowserServer } from '../../src-main/host/browser-server';
import { createLogger } from '../../src-main/log';
import { useTempDirs } from '../helpers/temp-dir';

// Browser mode from the outside: the WebSocket upgrade gets the same checks as a page load, and the CLI
// binds to loopback unless --host is given (then it warns).

const tempDir = useTempDirs();
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function start(ipAllowlist: readonly string[] = []): Promise<BrowserServer> {
  const staticDir = join(tempDir(), 'renderer');
  mkdirSync(staticDir, { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>t</title>');
  const server = await startBrowserServer({
    dispatch: Object.assign(() => ({ ok: true as const, value: null }), {
      async: () => Promise.resolve({ ok: true as const, value: null }),
    }),
    subscribe: () => () => undefined,
    staticDir,
    port: 0,
    bindHost: '127.0.0.1',
    ipAllowlist,
    logger: createLogger(null, 'error'),
  });
  cleanups.push(() => server.close());
  return server;
}

/** The HTTP status the server answers a WebSocket upgrade with (101 when it opens). */
function upgradeStatus(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.once('open', () => {
      ws.close();
      resolve(101);
    });
    ws.once('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
    ws.once('error', reject);
  });
}

describe('browser mode: the WebSocket upgrade', () => {
  it('gets the same checks as a page: token 401, foreign Host 403, foreign or no Origin 403', async () => {
    const server = await start();
    const base = `ws://127.0.0.1:${server.port}`;
    const origin = `http://127.0.0.1:${server.port}`;
    const good = `${base}/ws?token=${server.token}`;
    expect(await upgradeStatus(good, { origin })).toBe(101);
    expect(await upgradeStatus(`${base}/ws`, { origin })).toBe(401);
    expect(await upgradeStatus(`${base}/ws?token=${server.token.slice(1)}`, { origin })).toBe(401);
    // DNS rebinding: a page at evil.example whose name now resolves to 127.0.0.1.
    expect(
      await upgradeStatus(good, {
        host: `evil.example:${server.port}`,
        origin: `http://evil.example:${server.port}`,
      }),
    ).toBe(403);
    expect(await upgradeStatus(good, { origin: 'http://evil.example' })).toBe(403);
    expect(await upgradeStatus(good, {})).toBe(403);
    // Only /ws is a socket.
    expect(await upgradeStatus(`${base}/other?token=${server.token}`, { origin })).toBe(403);
  });

  it('admits the token from the cookie the page sets, as a browser sends it', async () => {
    const server = await start();
    const origin = `http://127.0.0.1:${server.port}`;
    const cookie = `botv2_token=${encodeURIComponent(server.token)}`;
    expect(await upgradeStatus(`ws://127.0.0.1:${server.port}/ws`, { origin, cookie })).toBe(101);
  });

  it('answers a malformed request line or path with 400 and keeps serving', async () => {
    const server = await start();
    const answer = await rawRequest(
      server.port,
      `GET http://[ HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\n\r\n`,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 400/);
    const badPath = await rawRequest(
      server.port,
      `GET /%E0%A4%A?token=${server.token} HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nConnection: close\r\n\r\n`,
    );
    expect(badPath).toMatch(/^HTTP\/1\.1 400/);
    // Still serving.
    const page = await rawRequest(
      server.port,
      `GET /?token=${server.token} HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nConnection: close\r\n\r\n`,
    );
    expect(page).toMatch(/^HTTP\/1\.1 200/);
  });
});

/** Sends raw bytes and returns what came back before the socket closed. */
function rawRequest(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(text));
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
  });
}

interface ServeRun {
  url: string;
  stderr: string;
}

/** Runs the built `botv2 serve` until it prints its URL, then stops it with SIGTERM. */
function serveUntilListening(args: string[]): Promise<ServeRun> {
  const cli = join(__dirname, '..', '..', 'dist', 'main', 'cli.cjs');
  const child = spawn(process.execPath, [cli, 'serve', '--port', '0', '--speed', '1', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`serve printed no URL in 15 s; stdout: ${stdout} stderr: ${stderr}`));
    }, 15_000);
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /BotV2 browser mode: (\S+)/.exec(stdout);
      if (!match) return;
      clearTimeout(timer);
      child.once('exit', () => resolve({ url: match[1]!, stderr }));
      child.kill('SIGTERM');
    });
    child.once('error', reject);
  });
}

describe('botv2 serve binding', () => {
  it('listens on 127.0.0.1 by default, without a warning', async () => {
    const dataDir = tempDir();
    const run = await serveUntilListening(['--data-dir', dataDir]);
    expect(run.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32}$/);
    expect(run.stderr).not.toContain('warning');
    const log = readFileSync(join(dataDir, 'logs', 'botv2.log'), 'utf8');
    expect(log).toContain('"bindHost":"127.0.0.1"');
    // The token is a secret: the log never holds it.
    expect(log).not.toContain(new URL(run.url).searchParams.get('token'));
  });

  it('warns when --host names another address, and serves there', async () => {
    // 127.0.0.2 is loopback on Linux, so the test stays on this machine; the CLI only knows it is not
    // one of the three loopback names, as it would for a LAN address.
    const run = await serveUntilListening(['--data-dir', tempDir(), '--host', '127.0.0.2']);
    expect(run.url).toMatch(/^http:\/\/127\.0\.0\.2:\d+\//);
    expect(run.stderr).toContain('botv2: warning: listening on 127.0.0.2, not only on this computer');
  });
});
