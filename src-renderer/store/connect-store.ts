import type { EquityPoint, Execution } from '../../src-shared/domain/trading';
import type { Bridge } from '../bridge/bridge';
import { useTerminal } from './terminal-store';

const HISTORY_POINTS = 5000;
/**
 * Live points are appended to the downsampled history as they come; past this many points in all, the
 * history is read again (downsampled over everything to date), so the renderer's memory and the chart's
 * drawing stay bounded however long the run.
 */
const REREAD_ABOVE_POINTS = 10_000;
/** At most this often the portfolio numbers are re-read while events stream in. */
const SNAPSHOT_REFRESH_MS = 250;
/** Live updates are applied every 50 ms: comfortably over 10 Hz once the wait for the next event is added. */
const FLUSH_MS = 50;

/**
 * Wires the bridge's pushed events into the store and (re)loads the full state whenever the connection
 * opens. Returns a function that unsubscribes everything.
 */
export function connectStore(bridge: Bridge): () => void {
  const store = useTerminal.getState();
  const load = async () => {
    const [snapshot, history, trades, events, metrics] = await Promise.all([
      bridge.snapshot({}),
      bridge.equityHistory({ maxPoints: HISTORY_POINTS }),
      bridge.trades({ offset: 0, limit: 50 }),
      bridge.breakerEvents({ limit: 100 }),
      // The risk limits (breaker levels) the controls need, e.g. whether a resume is an override.
      bridge.riskMetrics({}),
    ]);
    const failed = [snapshot, history, trades, events, metrics].find((r) => !r.ok);
    if (failed && !failed.ok) {
      store.setError(failed.error);
      return;
    }
    if (snapshot.ok) store.setSnapshot(snapshot.value);
    if (history.ok) store.setEquity(history.value);
    if (trades.ok) store.setTrades(trades.value.items, trades.value.total);
    if (events.ok) store.setBreakerEvents(events.value);
    if (metrics.ok) store.setRiskMetrics(metrics.value);
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
  // Pushed events are applied in batches at most every FLUSH_MS, so a burst of fills or points costs one
  // render, not one per event.
  const pendingEquity: EquityPoint[] = [];
  const pendingTrades: Execution[] = [];
  let flushTimer: ReturnType<typeof setTimeout> | null = null;
  let rereading = false;
  const rereadHistory = async () => {
    rereading = true;
    const result = await bridge.equityHistory({ maxPoints: HISTORY_POINTS });
    rereading = false;
    if (!result.ok || result.value.length === 0) return;
    const store = useTerminal.getState();
    const lastTime = result.value[result.value.length - 1]!.time;
    // Points pushed while the history was read stay, after it.
    store.setEquity(result.value.concat(store.equity.filter((p) => p.time > lastTime)));
  };
  const flush = () => {
    flushTimer = null;
    const store = useTerminal.getState();
    if (pendingTrades.length) store.addTrades(pendingTrades.splice(0));
    if (pendingEquity.length) {
      store.appendEquityPoints(pendingEquity.splice(0));
      refreshSnapshot();
      if (!rereading && useTerminal.getState().equity.length > REREAD_ABOVE_POINTS) void rereadHistory();
    }
  };
  const scheduleFlush = () => {
    if (!flushTimer) flushTimer = setTimeout(flush, FLUSH_MS);
  };
  const unsubscribers = [
    bridge.onConnection((state, detail) => {
      useTerminal.getState().setConnection(state, detail);
      if (state === 'open') void load();
    }),
    bridge.onEquity((point) => {
      pendingEquity.push(point);
      scheduleFlush();
    }),
    bridge.onFill((trade) => {
      pendingTrades.push(trade);
      scheduleFlush();
    }),
    bridge.onBreaker(({ event, state }) => useTerminal.getState().applyBreakerChange(event, state)),
    bridge.onStatus((status) => useTerminal.getState().setStatus(status)),
  ];
  return () => {
    if (refreshTimer) clearTimeout(refreshTimer);
    if (flushTimer) clearTimeout(flushTimer);
    unsubscribers.forEach((unsubscribe) => unsubscribe());
  };
}
