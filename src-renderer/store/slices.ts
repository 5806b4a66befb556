import type { StateCreator } from 'zustand';
import type { BreakerEvent, BreakerState } from '../../src-shared/domain/risk';
import type { EquityPoint, Execution } from '../../src-shared/domain/trading';
import type { HostStatus, Snapshot } from '../../src-shared/ipc/contract';
import type { ConnectionState } from '../bridge/bridge';

/** Live points kept in memory beyond the downsampled history; older detail is re-read from the host. */
export const MAX_LIVE_POINTS = 20_000;
/** Trades kept for the log; older pages are fetched on demand. */
export const MAX_TRADES_IN_MEMORY = 1_000;

export interface PortfolioSlice {
  snapshot: Snapshot | null;
  equity: EquityPoint[];
  setSnapshot(snapshot: Snapshot): void;
  setEquity(points: EquityPoint[]): void;
  appendEquity(point: EquityPoint): void;
  setStatus(status: HostStatus): void;
}

export interface TradesSlice {
  trades: Execution[];
  tradeTotal: number;
  setTrades(trades: Execution[], total: number): void;
  addTrade(trade: Execution): void;
}

export interface RiskSlice {
  breaker: BreakerState | null;
  breakerEvents: BreakerEvent[];
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

export type TerminalState = PortfolioSlice & TradesSlice & RiskSlice & ConnectionSlice;
type Slice<T> = StateCreator<TerminalState, [], [], T>;

export const createPortfolioSlice: Slice<PortfolioSlice> = (set) => ({
  snapshot: null,
  equity: [],
  setSnapshot: (snapshot) => set({ snapshot, breaker: snapshot.breaker }),
  setEquity: (points) => set({ equity: points }),
  appendEquity: (point) =>
    set((state) => {
      const last = state.equity[state.equity.length - 1];
      if (last && point.time <= last.time) return {};
      const equity =
        state.equity.length >= MAX_LIVE_POINTS
          ? state.equity.slice(-MAX_LIVE_POINTS / 2)
          : state.equity.slice();
      equity.push(point);
      return { equity };
    }),
  setStatus: (status) => set((state) => (state.snapshot ? { snapshot: { ...state.snapshot, status } } : {})),
});

export const createTradesSlice: Slice<TradesSlice> = (set) => ({
  trades: [],
  tradeTotal: 0,
  setTrades: (trades, total) => set({ trades, tradeTotal: total }),
  addTrade: (trade) =>
    set((state) =>
      state.trades.some((t) => t.id === trade.id)
        ? {}
        : {
            trades: [trade, ...state.trades].slice(0, MAX_TRADES_IN_MEMORY),
            tradeTotal: state.tradeTotal + 1,
          },
    ),
});

export const createRiskSlice: Slice<RiskSlice> = (set) => ({
  breaker: null,
  breakerEvents: [],
  setBreakerEvents: (breakerEvents) => set({ breakerEvents }),
  applyBreakerChange: (event, breaker) =>
    set((state) => ({ breaker, breakerEvents: [event, ...state.breakerEvents].slice(0, 200) })),
});

export const createConnectionSlice: Slice<ConnectionSlice> = (set) => ({
  connection: 'connecting',
  connectionDetail: null,
  lastError: null,
  setConnection: (connection, connectionDetail) => set({ connection, connectionDetail }),
  setError: (lastError) => set({ lastError }),
});
