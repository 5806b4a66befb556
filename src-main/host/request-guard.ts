import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { BlockList, isIP } from 'node:net';

// Checks every browser-mode request passes before it is served: the peer address, the Host and Origin
// headers (against DNS rebinding and cross-site pages), and the session token.

export interface GuardOptions {
  port: number;
  token: string;
  /** Host names the server answers to besides the loopback names (the --host address when given). */
  extraHostNames: readonly string[];
  /** Peer addresses (or CIDR ranges) allowed besides loopback (settings dashboard.ipAllowlist). */
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

/** An IPv4-mapped IPv6 address (::ffff:10.0.0.5) as the IPv4 address it is. */
const unmapped = (address: string): string => (address.startsWith('::ffff:') ? address.slice(7) : address);

function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const plain = unmapped(address);
  return plain === '::1' || (isIP(plain) === 4 && plain.startsWith('127.'));
}

/**
 * The allowlist as a matcher: each entry an IPv4/IPv6 address or a CIDR range (192.168.1.0/24, fd00::/8);
 * IPv6 written in any form matches. An entry that is neither is refused with its index and value, so a
 * typo never silently admits nobody (or everybody).
 */
export function parseAllowlist(entries: readonly string[]): BlockList {
  const list = new BlockList();
  entries.forEach((raw, index) => {
    const entry = raw.trim();
    const [address = '', prefix, ...rest] = entry.split('/');
    const family = isIP(unmapped(address));
    const bits = prefix === undefined ? null : Number(prefix);
    const maxBits = family === 4 ? 32 : 128;
    if (
      family === 0 ||
      rest.length > 0 ||
      (bits !== null && (!/^\d{1,3}$/.test(prefix!) || bits > maxBits))
    ) {
      throw new Error(
        `dashboard.ipAllowlist[${index}]: "${raw}" is not an IP address or CIDR range (e.g. 192.168.1.20 or 192.168.1.0/24)`,
      );
    }
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (bits === null) list.addAddress(unmapped(address), type);
    else list.addSubnet(unmapped(address), bits, type);
  });
  return list;
}

function isAllowlisted(list: BlockList, address: string | undefined): boolean {
  if (!address) return false;
  const plain = unmapped(address);
  const family = isIP(plain);
  return family !== 0 && list.check(plain, family === 4 ? 'ipv4' : 'ipv6');
}

/** A socket's local address as written in a Host header (IPv6 in brackets), or null without one. */
function addressAsHost(address: string | undefined): string | null {
  if (!address) return null;
  const plain = unmapped(address);
  return isIP(plain) === 6 ? `[${plain}]` : plain;
}

function cookieValue(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key !== name) continue;
    try {
      return decodeURIComponent(rest.join('='));
    } catch {
      return null; // malformed percent-encoding: no token, never an exception in the request handler
    }
  }
  return null;
}

/**
 * The checks, in order: peer address (loopback or allow-listed) → 403; Host header one of this server's
 * names with its port (DNS rebinding) → 403; Origin, when present or required, this server → 403; the
 * session token from the query or the cookie, compared in constant time → 401. Throws at creation for an
 * allowlist entry that is not an address or range.
 */
export function createGuard(options: GuardOptions) {
  const hostNames = [...LOOPBACK_NAMES, ...options.extraHostNames];
  const allowedHosts = new Set(hostNames.map((name) => `${name}:${options.port}`));
  const allowedOrigins = new Set(hostNames.map((name) => `http://${name}:${options.port}`));
  const allowlist = parseAllowlist(options.ipAllowlist);

  return {
    /** `requireOrigin`: WebSocket upgrades must carry a same-origin Origin header; page loads may omit it. */
    check(request: IncomingMessage, url: URL, requireOrigin: boolean): GuardVerdict {
      const peer = request.socket.remoteAddress;
      if (!isLoopback(peer) && !isAllowlisted(allowlist, peer)) {
        return { ok: false, status: 403, reason: `address ${peer ?? 'unknown'} is not allowed` };
      }
      // Besides its names, the server answers to the address the request reached (listening on 0.0.0.0, a
      // LAN client asks for http://192.168.1.5:4318). An address, not a name, so no DNS rebinding.
      const local = addressAsHost(request.socket.localAddress);
      const localHost = local === null ? null : `${local}:${options.port}`;
      const host = request.headers.host?.toLowerCase();
      if (!host || !(allowedHosts.has(host) || host === localHost)) {
        return { ok: false, status: 403, reason: 'unexpected Host header' };
      }
      const origin = request.headers.origin?.toLowerCase();
      const allowedOrigin =
        origin !== undefined && (allowedOrigins.has(origin) || origin === `http://${localHost}`);
      if (origin !== undefined ? !allowedOrigin : requireOrigin) {
        return { ok: false, status: 403, reason: 'foreign or missing Origin' };
      }
      const token = url.searchParams.get('token') ?? cookieValue(request.headers.cookie, TOKEN_COOKIE);
      if (!tokensMatch(token, options.token))
        return { ok: false, status: 401, reason: 'missing or wrong token' };
      return { ok: true };
    },
  };
}
