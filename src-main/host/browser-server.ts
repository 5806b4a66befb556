import { randomBytes } from 'node:crypto';
import {
  createReadStream,
  existsSync,
  fstatSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { WebSocketServer, type WebSocket } from 'ws';
import { err } from '../../src-shared/ipc/result';
import { ClientFrameSchema, type ServerFrame } from '../../src-shared/ipc/wire';
import type { Logger } from '../log';
import type { HostListener } from './engine-host';
import { CSV_FILES } from './export-service';
import type { Dispatch } from './request-handlers';
import { createGuard, TOKEN_COOKIE } from './request-guard';

export interface BrowserServerOptions {
  dispatch: Dispatch;
  subscribe: (listener: HostListener) => () => void;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  port: number;
  bindHost: string;
  ipAllowlist: readonly string[];
  logger: Logger;
  token?: string;
}

export interface BrowserServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.map': 'application/json',
  '.woff2': 'font/woff2',
};

const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** Socket buffer above which live equity frames are dropped for a slow client (it can re-read the history). */
const SLOW_CLIENT_BYTES = 4 * 1024 * 1024;
const MAX_FRAME_BYTES = 64 * 1024;

/**
 * Browser mode: the same EngineHost over HTTP (the built renderer) and one WebSocket (the contract).
 * Binds to loopback unless told otherwise; every request needs the session token, a loopback (or allowed)
 * peer, and a Host and Origin of this server.
 */
export async function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const { logger } = options;
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.bindHost, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const extraHostNames = ['127.0.0.1', 'localhost', '::1', '0.0.0.0', '::'].includes(options.bindHost)
    ? []
    : [options.bindHost.includes(':') ? `[${options.bindHost}]` : options.bindHost];
  const guard = createGuard({ port, token, extraHostNames, ipAllowlist: options.ipAllowlist });

  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    const url = parseRequestUrl(request.url);
    if (!url) {
      response.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('400 malformed request\n');
      return;
    }
    const verdict = guard.check(request, url, false);
    if (!verdict.ok) {
      logger.warn(
        { path: url.pathname, status: verdict.status, reason: verdict.reason },
        'browser-mode request refused',
      );
      response
        .writeHead(verdict.status, { 'content-type': 'text/plain; charset=utf-8' })
        .end(`${verdict.status} ${verdict.reason}\n`);
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    if (url.pathname.startsWith(EXPORT_PREFIX)) {
      if (request.method !== 'GET') response.writeHead(405, { allow: 'GET' }).end();
      else void serveExport(url.pathname.slice(EXPORT_PREFIX.length), response, options);
      return;
    }
    serveStatic(options.staticDir, url.pathname, token, response);
  });

  server.on('upgrade', (request: IncomingMessage, socket, head) => {
    const url = parseRequestUrl(request.url);
    const verdict =
      url?.pathname === '/ws'
        ? guard.check(request, url, true)
        : ({ ok: false, status: 403, reason: 'no such socket' } as const);
    if (!verdict.ok) {
      logger.warn({ status: verdict.status, reason: verdict.reason }, 'browser-mode socket refused');
      socket.end(
        `HTTP/1.1 ${verdict.status} ${verdict.status === 401 ? 'Unauthorized' : 'Forbidden'}\r\nConnection: close\r\n\r\n`,
      );
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => serveSocket(ws, options));
  });

  const address = extraHostNames[0] ?? '127.0.0.1';
  return {
    url: `http://${address}:${port}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function serveSocket(ws: WebSocket, options: BrowserServerOptions): void {
  const send = (frame: ServerFrame) => ws.send(JSON.stringify(frame));
  const unsubscribe = options.subscribe((name, payload) => {
    if (ws.readyState !== ws.OPEN) return;
    if (name === 'equity' && ws.bufferedAmount > SLOW_CLIENT_BYTES) return;
    send({ type: 'event', name, payload });
  });
  ws.on('close', unsubscribe);
  ws.on('message', (data, isBinary) => {
    let raw: unknown;
    try {
      raw = isBinary ? undefined : JSON.parse(data.toString());
    } catch {
      raw = undefined;
    }
    const frame = ClientFrameSchema.safeParse(raw);
    if (!frame.success) {
      ws.close(1008, 'malformed frame');
      return;
    }
    const { id, name, input } = frame.data;
    // A web page may not choose where the server writes files: exports download over HTTP instead.
    const answer =
      name === 'exportData'
        ? Promise.resolve(err(BROWSER_EXPORT_REFUSAL))
        : options.dispatch.async(name, input);
    void answer.then((result) => {
      if (ws.readyState === ws.OPEN) send({ type: 'response', id, result });
    });
  });
}

/** The request target as a URL, or null when it is not one (a malformed request line must not throw). */
function parseRequestUrl(target: string | undefined): URL | null {
  try {
    return new URL(target ?? '/', 'http://placeholder');
  } catch {
    return null;
  }
}

function decodePath(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return null;
  }
}

export const BROWSER_EXPORT_REFUSAL =
  'in browser mode exports download through the page (/export/…); the connection cannot write files';

const EXPORT_PREFIX = '/export/';
const DATABASE_DOWNLOAD = 'botv2.sqlite';

/**
 * GET /export/botv2.sqlite: a fresh online-backup copy of the database; GET /export/{trades,fills,
 * checkpoints}.csv: that table as CSV. Written to a private temporary folder, streamed, then removed.
 */
async function serveExport(
  name: string,
  response: ServerResponse,
  options: BrowserServerOptions,
): Promise<void> {
  const isDatabase = name === DATABASE_DOWNLOAD;
  if (!isDatabase && !(CSV_FILES as readonly string[]).includes(name)) {
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('404 no such export\n');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'botv2-export-'));
  let removed = false;
  try {
    const path = isDatabase ? join(dir, DATABASE_DOWNLOAD) : dir;
    const result = await options.dispatch.async('exportData', {
      format: isDatabase ? 'database' : 'csv',
      path,
    });
    if (!result.ok) {
      response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end(`${result.error}\n`);
      return;
    }
    const file = isDatabase ? path : join(dir, name);
    const fd = openSync(file, 'r');
    const size = fstatSync(fd).size;
    // Removed before streaming (the open descriptor keeps the data readable on POSIX), so no copy is
    // left behind once the download ends; Windows refuses, and the finally below removes it instead.
    removed = removeQuietly(dir);
    const stamp = new Date().toISOString().replace(/[-:]/g, '').slice(0, 15);
    response.writeHead(200, {
      'content-type': isDatabase ? 'application/vnd.sqlite3' : 'text/csv; charset=utf-8',
      'content-length': String(size),
      'content-disposition': `attachment; filename="botv2-${stamp}-${name}"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    await pipeline(createReadStream('', { fd }), response);
    options.logger.info({ export: name }, 'export downloaded');
  } catch (error) {
    options.logger.error({ err: error, export: name }, 'export failed');
    if (!response.headersSent)
      response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end('export failed\n');
    else response.destroy();
  } finally {
    if (!removed) rmSync(dir, { recursive: true, force: true });
  }
}

function removeQuietly(dir: string): boolean {
  try {
    rmSync(dir, { recursive: true, force: true });
    return true;
  } catch {
    return false;
  }
}

function serveStatic(root: string, pathname: string, token: string, response: ServerResponse): void {
  const decoded = decodePath(pathname);
  if (decoded === null) {
    response.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('400 malformed path\n');
    return;
  }
  const relative = pathname === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const file = normalize(join(root, relative));
  if (!file.startsWith(normalize(root) + sep) || !existsSync(file) || !statSync(file).isFile()) {
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('404 not found\n');
    return;
  }
  const isPage = extname(file) === '.html';
  const headers: Record<string, string> = {
    'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': isPage ? 'no-store' : 'private, max-age=3600',
  };
  if (isPage) {
    headers['content-security-policy'] = CSP;
    // Assets the page loads carry no token in their URL: the cookie admits them.
    headers['set-cookie'] = `${TOKEN_COOKIE}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`;
  }
  response.writeHead(200, headers).end(readFileSync(file));
}
