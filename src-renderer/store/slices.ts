import type { StateCreator } from 'zustand';
import type { BreakerEvent, BreakerState } from '../../src-shared/domain/risk';
import type { EquityPoint, Execution } from '../../src-shared/domain/trading';
import type { HostStatus, Snapshot } from '../../src-shared/ipc/contract';
import type { ConnectionState } from '../bridge/bridge';
import type { RiskAnalyticsSlice, StrategiesSlice } from './analytics-slices';
import type { UiSlice } from './ui-slice';

/**
 * A safety cap on the points kept: connect-store re-reads the downsampled history long before (see
 * REREAD_ABOVE_POINTS), so this trims only if the host cannot answer.
 */
export const MAX_LIVE_POINTS = 40_000;
/** Newest trades kept from the live stream; the trade log pages the database itself. */
export const MAX_TRADES_IN_MEMORY = 200;

export interface PortfolioSlice {
  snapshot: Snapshot | null;
  equity: EquityPoint[];
  setSnapshot(snapshot: Snapshot): void;
  setEquity(points: EquityPoint[]): void;
  appendEquityPoints(points: readonly EquityPoint[]): void;
  setStatus(status: HostStatus): void;
}

export interface TradesSlice {
  trades: Execution[];
  tradeTotal: number;
  setTrades(trades: Execution[], total: number): void;
  addTrades(trades: readonly Execution[]): void;
}

export interface RiskSlice {
  breaker: BreakerState | null;
  breakerEvents: BreakerEvent[];
  /** The newest event pushed live (not loaded with the history): what a desktop notification is about. */
  lastPushedBreakerEvent: BreakerEvent | null;
  setBreakerEvents(events: BreakerEvent[]): void;
  applyBreakerChange(event: BreakerEvent, state: BreakerState): void;
}

export interface ConnectionSlice {
  connection: ConnectionState;
  connectionDetail: string | null;
  lastError: string | null;
  setConnection(state: ConnectionState, detail: string | null): void;
  setError(message: string | null): void;
}

export type TerminalState = PortfolioSlice &
  TradesSlice &
  RiskSlice &
  ConnectionSlice &
  StrategiesSlice &
  RiskAnalyticsSlice &
  UiSlice;
type Slice<T> = StateCreator<TerminalState, [], [], T>;

export const createPortfolioSlice: Slice<PortfolioSlice> = (set) => ({
  snapshot: null,
  equity: [],
  setSnapshot: (snapshot) => set({ snapshot, breaker: snapshot.breaker }),
  setEquity: (points) => set({ equity: points }),
  appendEquityPoints: (points) =>
    set((state) => {
      let lastTime = state.equity[state.equity.length - 1]?.time ?? -Infinity;
      const fresh: EquityPoint[] = [];
      for (const p of points) {
        if (p.time > lastTime) {
          fresh.push(p);
          lastTime = p.time;
        }
      }
      if (fresh.length === 0) return {};
      const kept =
        state.equity.length + fresh.length > MAX_LIVE_POINTS
          ? state.equity.slice(-MAX_LIVE_POINTS / 2)
          : state.equity;
      return { equity: kept.concat(fresh) };
    }),
  setStatus: (status) => set((state) => (state.snapshot ? { snapshot: { ...state.snapshot, status } } : {})),
});

export const createTradesSlice: Slice<TradesSlice> = (set) => ({
  trades: [],
  tradeTotal: 0,
  setTrades: (trades, total) => set({ trades, tradeTotal: total }),
  addTrades: (incoming) =>
    set((state) => {
      const known = new Set(state.trades.map((t) => t.id));
      const fresh = incoming.filter((t) => !known.has(t.id)).reverse();
      if (fresh.length === 0) return {};
      return {
        trades: fresh.concat(state.trades).slice(0, MAX_TRADES_IN_MEMORY),
        tradeTotal: state.tradeTotal + fresh.length,
      };
    }),
});

export const createRiskSlice: Slice<RiskSlice> = (set) => ({
  breaker: null,
  breakerEvents: [],
  lastPushedBreakerEvent: null,
  setBreakerEvents: (breakerEvents) => set({ breakerEvents }),
  applyBreakerChange: (event, breaker) =>
    set((state) => ({
      breaker,
      lastPushedBreakerEvent: event,
      breakerEvents: [event, ...state.breakerEvents].slice(0, 1000),
    })),
});

export const createConnectionSlice: Slice<ConnectionSlice> = (set) => ({
  connection: 'connecting',
  connectionDetail: null,
  lastError: null,
  setConnection: (connection, connectionDetail) => set({ connection, connectionDetail }),
  setError: (lastError) => set({ lastError }),
});
