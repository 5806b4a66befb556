import type { IncomingMessage } from 'node:http';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createGuard, parseAllowlist, tokensMatch, TOKEN_COOKIE } from '../../src-main/host/request-guard';

const PORT = 4318;
const TOKEN = 'k3y-Of-the-session_0123456789';

/** The parts of a request the guard reads: peer address, the address it reached, and headers. */
function fakeRequest(
  peer: string | undefined,
  headers: Record<string, string>,
  localAddress?: string,
): IncomingMessage {
  return { socket: { remoteAddress: peer, localAddress }, headers } as unknown as IncomingMessage;
}

const url = (query = `?token=${TOKEN}`) => new URL(`/${query}`, 'http://placeholder');

describe('browser-mode request guard', () => {
  const loopbackOnly = createGuard({ port: PORT, token: TOKEN, extraHostNames: [], ipAllowlist: [] });
  const host = { host: `127.0.0.1:${PORT}` };

  it('admits a loopback peer with our Host and the token, from the URL or the cookie', () => {
    for (const peer of ['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1']) {
      expect(loopbackOnly.check(fakeRequest(peer, host), url(), false)).toEqual({ ok: true });
    }
    const cookie = { ...host, cookie: `theme=dark; ${TOKEN_COOKIE}=${encodeURIComponent(TOKEN)}` };
    expect(loopbackOnly.check(fakeRequest('127.0.0.1', cookie), url(''), false)).toEqual({ ok: true });
  });

  it('listening on all addresses, admits an allow-listed LAN client asking for the address it reached', () => {
    // `--host 0.0.0.0`: no extra names; the client at 192.168.1.20 opens http://192.168.1.5:4318.
    const lan = createGuard({
      port: PORT,
      token: TOKEN,
      extraHostNames: [],
      ipAllowlist: ['192.168.1.0/24'],
    });
    const reached = { host: `192.168.1.5:${PORT}`, origin: `http://192.168.1.5:${PORT}` };
    expect(lan.check(fakeRequest('192.168.1.20', reached, '::ffff:192.168.1.5'), url(), true)).toEqual({
      ok: true,
    });
    const v6 = { host: `[fd00::5]:${PORT}`, origin: `http://[fd00::5]:${PORT}` };
    expect(lan.check(fakeRequest('192.168.1.20', v6, 'fd00::5'), url(), true)).toEqual({ ok: true });
    // Another address, or a name (DNS rebinding), is still refused; so is a foreign Origin.
    for (const other of [`192.168.1.6:${PORT}`, `evil.example:${PORT}`, `192.168.1.5:${PORT + 1}`])
      expect(lan.check(fakeRequest('192.168.1.20', { host: other }, '192.168.1.5'), url(), false)).toEqual({
        ok: false,
        status: 403,
        reason: 'unexpected Host header',
      });
    const foreign = { host: `192.168.1.5:${PORT}`, origin: 'http://evil.example' };
    expect(lan.check(fakeRequest('192.168.1.20', foreign, '192.168.1.5'), url(), false)).toMatchObject({
      status: 403,
      reason: 'foreign or missing Origin',
    });
  });

  it('answers 401 without the token, with a wrong one, or with a malformed cookie', () => {
    const refused = { ok: false, status: 401, reason: 'missing or wrong token' };
    expect(loopbackOnly.check(fakeRequest('127.0.0.1', host), url(''), false)).toEqual(refused);
    expect(loopbackOnly.check(fakeRequest('127.0.0.1', host), url('?token='), false)).toEqual(refused);
    expect(loopbackOnly.check(fakeRequest('127.0.0.1', host), url(`?token=${TOKEN}x`), false)).toEqual(
      refused,
    );
    expect(
      loopbackOnly.check(
        fakeRequest('127.0.0.1', { ...host, cookie: `${TOKEN_COOKIE}=%E0%A4%A` }),
        url(''),
        false,
      ),
    ).toEqual(refused);
  });

  it('answers 403 to a Host that is not this server: DNS rebinding, another port, none at all', () => {
    for (const badHost of [
      `evil.example:${PORT}`,
      `127.0.0.1:${PORT + 1}`,
      '127.0.0.1',
      `192.168.1.5:${PORT}`,
    ]) {
      expect(loopbackOnly.check(fakeRequest('127.0.0.1', { host: badHost }), url(), false)).toEqual({
        ok: false,
        status: 403,
        reason: 'unexpected Host header',
      });
    }
    expect(loopbackOnly.check(fakeRequest('127.0.0.1', {}), url(), false)).toMatchObject({ status: 403 });
    // Host names are case-insensitive.
    expect(loopbackOnly.check(fakeRequest('127.0.0.1', { host: `LOCALHOST:${PORT}` }), url(), false).ok).toBe(
      true,
    );
  });

  it('answers 403 to a foreign Origin, and to a missing one where it is required (the WebSocket)', () => {
    const foreign = { ok: false, status: 403, reason: 'foreign or missing Origin' };
    for (const origin of [
      'http://evil.example',
      'null',
      `https://127.0.0.1:${PORT}`,
      `http://127.0.0.1:${PORT + 1}`,
    ]) {
      expect(loopbackOnly.check(fakeRequest('127.0.0.1', { ...host, origin }), url(), false)).toEqual(
        foreign,
      );
    }
    expect(loopbackOnly.check(fakeRequest('127.0.0.1', host), url(), true)).toEqual(foreign);
    expect(
      loopbackOnly.check(
        fakeRequest('127.0.0.1', { ...host, origin: `http://localhost:${PORT}` }),
        url(),
        true,
      ),
    ).toEqual({ ok: true });
  });

  it('refuses before it looks at the token: a foreign Host with a wrong token is a 403', () => {
    expect(
      loopbackOnly.check(fakeRequest('127.0.0.1', { host: `evil.example:${PORT}` }), url('?token=x'), false),
    ).toMatchObject({ status: 403 });
  });

  it('admits an allow-listed non-loopback peer (address or range) and refuses every other one', () => {
    const lan = createGuard({
      port: PORT,
      token: TOKEN,
      extraHostNames: ['192.168.1.5'],
      ipAllowlist: ['192.168.1.20', '10.1.0.0/16', 'fd00::7'],
    });
    const lanHost = { host: `192.168.1.5:${PORT}` };
    for (const peer of ['192.168.1.20', '::ffff:192.168.1.20', '10.1.200.3', 'fd00:0:0:0:0:0:0:7']) {
      expect(lan.check(fakeRequest(peer, lanHost), url(), false)).toEqual({ ok: true });
    }
    for (const peer of ['192.168.1.21', '10.2.0.1', 'fd00::8', '8.8.8.8', undefined]) {
      expect(lan.check(fakeRequest(peer, lanHost), url(), false)).toEqual({
        ok: false,
        status: 403,
        reason: `address ${peer ?? 'unknown'} is not allowed`,
      });
    }
    // The allowlist admits the peer, never a wrong token.
    expect(lan.check(fakeRequest('192.168.1.20', lanHost), url('?token=no'), false)).toMatchObject({
      status: 401,
    });
    // Without an allowlist entry no outside peer gets in, even with the right Host and token.
    expect(loopbackOnly.check(fakeRequest('192.168.1.20', host), url(), false)).toMatchObject({
      status: 403,
    });
  });

  it('refuses an allowlist entry that is not an address or range, naming it', () => {
    expect(() => parseAllowlist(['192.168.1.20', 'office-pc'])).toThrow(
      'dashboard.ipAllowlist[1]: "office-pc" is not an IP address or CIDR range (e.g. 192.168.1.20 or 192.168.1.0/24)',
    );
    for (const bad of [
      '10.0.0.0/33',
      '10.0.0.0/',
      '10.0.0.0/8/8',
      'fd00::/129',
      '10.0.0.0/-1',
      '999.1.1.1',
      '',
    ])
      expect(() => parseAllowlist([bad])).toThrow(`"${bad}" is not an IP address or CIDR range`);
    expect(() => parseAllowlist([' 10.0.0.1 ', '0.0.0.0/0', '::/0', '::ffff:10.0.0.9'])).not.toThrow();
  });

  it('accepts exactly the session token: the comparison agrees with string equality (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (a, b) => {
        expect(tokensMatch(a, b)).toBe(a === b);
        expect(tokensMatch(b, b)).toBe(true);
      }),
    );
    expect(tokensMatch(undefined, TOKEN)).toBe(false);
    // A prefix of the token or the token with a suffix is refused (lengths differ: hashing hides that).
    expect(tokensMatch(TOKEN.slice(0, -1), TOKEN)).toBe(false);
    expect(tokensMatch(`${TOKEN}0`, TOKEN)).toBe(false);
  });
});
