import type { EventName } from '../../src-shared/ipc/contract';
import { ServerFrameSchema } from '../../src-shared/ipc/wire';
import type { ConnectionState } from './bridge';
import type { RawTransport } from './parsed-bridge';

const RETRY_MIN_MS = 500;
const RETRY_MAX_MS = 5000;
const REQUEST_TIMEOUT_MS = 15000;

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  timer: ReturnType<typeof setTimeout>;
}

/**
 * Browser mode: one WebSocket to the host, reconnecting with backoff. The session token comes from the page
 * URL (and the cookie the server set with the page).
 */
export function websocketTransport(url: string): RawTransport {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const connectionListeners = new Set<(state: ConnectionState, detail: string | null) => void>();
  const pending = new Map<number, Pending>();
  let socket: WebSocket | null = null;
  let state: ConnectionState = 'connecting';
  let detail: string | null = null;
  let nextId = 1;
  let retry = RETRY_MIN_MS;
  let waiting: (() => void)[] = [];

  const setState = (next: ConnectionState, why: string | null) => {
    state = next;
    detail = why;
    for (const listener of connectionListeners) listener(next, why);
  };

  const connect = () => {
    setState('connecting', null);
    const ws = new WebSocket(url);
    socket = ws;
    ws.onopen = () => {
      retry = RETRY_MIN_MS;
      setState('open', null);
      const ready = waiting;
      waiting = [];
      for (const go of ready) go();
    };
    ws.onmessage = (message) => {
      let raw: unknown;
      try {
        raw = JSON.parse(String(message.data));
      } catch {
        return;
      }
      const frame = ServerFrameSchema.safeParse(raw);
      if (!frame.success) return;
      if (frame.data.type === 'response') {
        const entry = pending.get(frame.data.id);
        if (!entry) return;
        pending.delete(frame.data.id);
        clearTimeout(entry.timer);
        entry.resolve(frame.data.result);
      } else {
        const set = listeners.get(frame.data.name as EventName);
        if (set) for (const listener of set) listener(frame.data.payload);
      }
    };
    ws.onclose = (event) => {
      for (const [id, entry] of pending) {
        clearTimeout(entry.timer);
        entry.reject(new Error('connection lost'));
        pending.delete(id);
      }
      setState('closed', event.reason || `the connection to the engine closed (code ${event.code})`);
      setTimeout(connect, retry);
      retry = Math.min(RETRY_MAX_MS, retry * 2);
    };
  };
  connect();

  const send = (name: string, input: unknown): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error(`no answer to ${name} within ${REQUEST_TIMEOUT_MS / 1000} s`));
      }, REQUEST_TIMEOUT_MS);
      pending.set(id, { resolve, reject, timer });
      socket!.send(JSON.stringify({ type: 'request', id, name, input }));
    });

  return {
    transport: 'websocket',
    call: (name, input) =>
      state === 'open' ? send(name, input) : new Promise((go) => waiting.push(() => go(send(name, input)))),
    subscribe: (name, listener) => {
      const set = listeners.get(name) ?? new Set();
      set.add(listener);
      listeners.set(name, set);
      return () => set.delete(listener);
    },
    onConnection: (listener) => {
      connectionListeners.add(listener);
      listener(state, detail);
      return () => connectionListeners.delete(listener);
    },
  };
}
