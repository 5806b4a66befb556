import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { tokensMatch } from '../../src-main/host/request-guard';
import { httpGet, useServedHost } from '../helpers/served-host';

const start = useServedHost();
const get = async (port: number, path: string, headers: Record<string, string> = {}) => {
  const response = await httpGet(port, path, headers);
  return { ...response, body: response.body.toString('utf8') };
};

function openSocket(url: string, headers: Record<string, string>): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

describe('browser mode server', () => {
  it('serves the page only with the token, and sets the cookie the assets need', async () => {
    const { server } = await start();
    expect((await get(server.port, '/')).status).toBe(401);
    expect((await get(server.port, '/?token=wrong')).status).toBe(401);
    const page = await get(server.port, `/?token=${server.token}`);
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const cookie = String(page.headers['set-cookie']).split(';')[0]!;
    expect((await get(server.port, '/assets/app.js')).status).toBe(401);
    expect((await get(server.port, '/assets/app.js', { cookie })).status).toBe(200);
    expect((await get(server.port, '/assets/../../etc/passwd', { cookie })).status).toBe(404);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`);
  });

  it('refuses a foreign Host (DNS rebinding) and a foreign Origin', async () => {
    const { server } = await start();
    const path = `/?token=${server.token}`;
    expect((await get(server.port, path, { host: `evil.example:${server.port}` })).status).toBe(403);
    expect((await get(server.port, path, { origin: 'http://evil.example' })).status).toBe(403);
    expect(
      (
        await get(server.port, path, {
          host: `localhost:${server.port}`,
          origin: `http://localhost:${server.port}`,
        })
      ).status,
    ).toBe(200);
  });

  it('checks token and Origin on the WebSocket upgrade', async () => {
    const { server } = await start();
    const base = `ws://127.0.0.1:${server.port}/ws`;
    const origin = `http://127.0.0.1:${server.port}`;
    await expect(openSocket(`${base}?token=bad`, { origin })).rejects.toThrow('HTTP 401');
    await expect(
      openSocket(`${base}?token=${server.token}`, { origin: 'http://evil.example' }),
    ).rejects.toThrow('HTTP 403');
    await expect(openSocket(`${base}?token=${server.token}`, {})).rejects.toThrow('HTTP 403');
    const ws = await openSocket(`${base}?token=${server.token}`, { origin });
    ws.close();
  });

  it('answers contract requests and pushes events over the socket', async () => {
    const { server, host } = await start();
    const ws = await openSocket(`ws://127.0.0.1:${server.port}/ws?token=${server.token}`, {
      origin: `http://127.0.0.1:${server.port}`,
    });
    const frames: { type: string; id?: number; name?: string; result?: unknown }[] = [];
    const waitFor = (match: (f: (typeof frames)[number]) => boolean) =>
      new Promise<(typeof frames)[number]>((resolve) => {
        const found = frames.find(match);
        if (found) return resolve(found);
        const onMessage = (data: WebSocket.RawData) => {
          const frame = JSON.parse(data.toString()) as (typeof frames)[number];
          if (match(frame)) {
            ws.off('message', onMessage);
            resolve(frame);
          }
        };
        ws.on('message', onMessage);
      });
    ws.send(JSON.stringify({ type: 'request', id: 1, name: 'halt', input: { reason: 'via socket' } }));
    const response = await waitFor((f) => f.type === 'response' && f.id === 1);
    expect(response.result).toMatchObject({ ok: true, value: { halted: true, haltReason: 'via socket' } });
    const pushed = waitFor((f) => f.type === 'event' && f.name === 'equity');
    host.stepNow(1);
    expect(await pushed).toMatchObject({ type: 'event', name: 'equity' });
    ws.send(JSON.stringify({ type: 'request', id: 2, name: 'halt', input: { reason: 42 } }));
    expect((await waitFor((f) => f.id === 2)).result).toEqual({
      ok: false,
      error: 'invalid halt request: reason: a reason is required',
    });
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.send('not json');
    expect(await closed).toBe(1008);
  });

  it('compares tokens in constant time and only when equal', () => {
    expect(tokensMatch('abc', 'abc')).toBe(true);
    expect(tokensMatch('abd', 'abc')).toBe(false);
    expect(tokensMatch('', 'abc')).toBe(false);
    expect(tokensMatch(null, 'abc')).toBe(false);
  });
});
