import type { Bridge } from '../bridge/bridge';
import { useTerminal } from './terminal-store';

const HISTORY_POINTS = 5000;
/** At most this often the portfolio numbers are re-read while events stream in. */
const SNAPSHOT_REFRESH_MS = 250;

/**
 * Wires the bridge's pushed events into the store and (re)loads the full state whenever the connection
 * opens. Returns a function that unsubscribes everything.
 */
export function connectStore(bridge: Bridge): () => void {
  const store = useTerminal.getState();
  const load = async () => {
    const [snapshot, history, trades, events] = await Promise.all([
      bridge.snapshot({}),
      bridge.equityHistory({ maxPoints: HISTORY_POINTS }),
      bridge.trades({ offset: 0, limit: 200 }),
      bridge.breakerEvents({ limit: 100 }),
    ]);
    const failed = [snapshot, history, trades, events].find((r) => !r.ok);
    if (failed && !failed.ok) {
      store.setError(failed.error);
      return;
    }
    if (snapshot.ok) store.setSnapshot(snapshot.value);
    if (history.ok) store.setEquity(history.value);
    if (trades.ok) store.setTrades(trades.value.items, trades.value.total);
    if (events.ok) store.setBreakerEvents(events.value);
    store.setError(null);
  };
  // The snapshot's portfolio numbers are refreshed after fills; equity points arrive on their own.
  let refreshTimer: ReturnType<typeof setTimeout> | null = null;
  const refreshSnapshot = () => {
    if (refreshTimer) return;
    refreshTimer = setTimeout(() => {
      void bridge.snapshot({}).then((result) => {
        refreshTimer = null;
        if (result.ok) useTerminal.getState().setSnapshot(result.value);
      });
    }, SNAPSHOT_REFRESH_MS);
  };
  const unsubscribers = [
    bridge.onConnection((state, detail) => {
      useTerminal.getState().setConnection(state, detail);
      if (state === 'open') void load();
    }),
    bridge.onEquity((point) => {
      useTerminal.getState().appendEquity(point);
      refreshSnapshot();
    }),
    bridge.onFill((trade) => useTerminal.getState().addTrade(trade)),
    bridge.onBreaker(({ event, state }) => useTerminal.getState().applyBreakerChange(event, state)),
    bridge.onStatus((status) => useTerminal.getState().setStatus(status)),
  ];
  return () => {
    if (refreshTimer) clearTimeout(refreshTimer);
    unsubscribers.forEach((unsubscribe) => unsubscribe());
  };
}
