import type { StateCreator } from 'zustand';
import type { RiskView, StrategyRow } from '../../src-shared/domain/analytics';
import type { DailyReturn, RiskMetrics, StrategyPnl } from '../../src-shared/ipc/dashboard-schemas';
import type { TerminalState } from './slices';

/** The strategies table and each strategy's money P&L, refreshed while the Strategies view is open. */
export interface StrategiesSlice {
  strategyRows: StrategyRow[];
  strategyPnl: StrategyPnl[];
  setStrategies(rows: StrategyRow[], pnl: StrategyPnl[]): void;
}

/** The risk view's figures beyond the breaker state (which lives in RiskSlice). */
export interface RiskAnalyticsSlice {
  riskView: RiskView | null;
  riskMetrics: RiskMetrics | null;
  dailyReturns: DailyReturn[];
  setRiskView(view: RiskView): void;
  setRiskMetrics(metrics: RiskMetrics): void;
  setDailyReturns(days: DailyReturn[]): void;
}

type Slice<T> = StateCreator<TerminalState, [], [], T>;

export const createStrategiesSlice: Slice<StrategiesSlice> = (set) => ({
  strategyRows: [],
  strategyPnl: [],
  setStrategies: (strategyRows, strategyPnl) => set({ strategyRows, strategyPnl }),
});

export const createRiskAnalyticsSlice: Slice<RiskAnalyticsSlice> = (set) => ({
  riskView: null,
  riskMetrics: null,
  dailyReturns: [],
  setRiskView: (riskView) => set({ riskView }),
  setRiskMetrics: (riskMetrics) => set({ riskMetrics }),
  setDailyReturns: (dailyReturns) => set({ dailyReturns }),
});
