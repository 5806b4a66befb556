import type { Bridge } from './bridge';
import { electronTransport } from './electron-transport';
import { parsedBridge } from './parsed-bridge';
import { websocketTransport } from './websocket-transport';

/** Electron's preload when present, otherwise the browser-mode WebSocket of the page's own server. */
export function selectBridge(): Bridge {
  if (window.botv2) return parsedBridge(electronTransport(window.botv2));
  const token = new URLSearchParams(window.location.search).get('token');
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  const query = token ? `?token=${encodeURIComponent(token)}` : '';
  return parsedBridge(websocketTransport(`${scheme}://${window.location.host}/ws${query}`));
}
