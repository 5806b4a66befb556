import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

// Checks every browser-mode request passes before it is served: the peer address, the Host and Origin
// headers (against DNS rebinding and cross-site pages), and the session token.

export interface GuardOptions {
  port: number;
  token: string;
  /** Host names the server answers to besides the loopback names (the --host address when given). */
  extraHostNames: readonly string[];
  /** Peer addresses allowed besides loopback (settings dashboard.ipAllowlist). */
  ipAllowlist: readonly string[];
}

export type GuardVerdict = { ok: true } | { ok: false; status: 401 | 403; reason: string };

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

export const TOKEN_COOKIE = 'botv2_token';

/** Constant-time comparison: both sides are hashed first so their lengths never leak through timing. */
export function tokensMatch(given: string | null | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const plain = address.startsWith('::ffff:') ? address.slice(7) : address;
  return plain === '::1' || (isIP(plain) === 4 && plain.startsWith('127.'));
}

function cookieValue(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

export function createGuard(options: GuardOptions) {
  const hostNames = [...LOOPBACK_NAMES, ...options.extraHostNames];
  const allowedHosts = new Set(hostNames.map((name) => `${name}:${options.port}`));
  const allowedOrigins = new Set(hostNames.map((name) => `http://${name}:${options.port}`));
  const allowlist = new Set(options.ipAllowlist);

  return {
    /** `requireOrigin`: WebSocket upgrades must carry a same-origin Origin header; page loads may omit it. */
    check(request: IncomingMessage, url: URL, requireOrigin: boolean): GuardVerdict {
      const peer = request.socket.remoteAddress;
      const peerPlain = peer?.startsWith('::ffff:') ? peer.slice(7) : peer;
      if (!isLoopback(peer) && !(peerPlain && allowlist.has(peerPlain))) {
        return { ok: false, status: 403, reason: `address ${peer ?? 'unknown'} is not allowed` };
      }
      const host = request.headers.host;
      if (!host || !allowedHosts.has(host.toLowerCase())) {
        return { ok: false, status: 403, reason: 'unexpected Host header' };
      }
      const origin = request.headers.origin;
      if (origin !== undefined ? !allowedOrigins.has(origin.toLowerCase()) : requireOrigin) {
        return { ok: false, status: 403, reason: 'foreign or missing Origin' };
      }
      const token = url.searchParams.get('token') ?? cookieValue(request.headers.cookie, TOKEN_COOKIE);
      if (!tokensMatch(token, options.token))
        return { ok: false, status: 401, reason: 'missing or wrong token' };
      return { ok: true };
    },
  };
}
