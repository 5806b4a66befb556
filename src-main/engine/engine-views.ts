import type { RiskView, StrategyRow } from '../../src-shared/domain/analytics';
import type { StrategyInfo } from '../../src-shared/domain/strategy';
import type { EngineDeps } from './loop';
import type { StrategyStatus } from './strategy-stage';

// Read-only views of the engine's state for the dashboard, kept apart from the per-step pipeline.

/** The strategies table: allocation, signal performance, last signal or abstention, in registry order. */
export function strategyRows(deps: EngineDeps, status: ReadonlyMap<string, StrategyStatus>): StrategyRow[] {
  const allocation = deps.ensemble.allocation();
  return deps.strategies.map((s, i) => {
    const stats = s.stats();
    const state = status.get(s.id)!;
    return {
      id: s.id,
      name: s.name,
      category: s.definition.category,
      weight: allocation.weights[i] ?? 0,
      sharpe: allocation.sharpe[i] ?? 0,
      smoothedSharpe: allocation.smoothedSharpe[i] ?? 0,
      hitRate: stats.hitRate,
      signalReturn: stats.cumulativeReturn,
      signals: stats.signals,
      errors: stats.errors,
      lastSignal: state.lastSignal,
      abstainReason: state.abstainReason,
    };
  });
}

/**
 * The risk panel's figures: gross exposure as a share of equity, the Kelly inputs with the fraction in use,
 * the strategies' correlation matrix and penalty, and the cascade level of each instrument seen (those
 * still warming up are left out).
 */
export function riskFigures(
  deps: EngineDeps,
  instrumentIds: Iterable<string>,
  kellyFraction: number,
): RiskView {
  const { portfolio, sizer, ensemble, cascade, clock } = deps;
  const equity = portfolio.equity();
  const kelly = sizer.kelly.estimate();
  const correlation = ensemble.correlationView();
  const levels: RiskView['cascade'] = [];
  for (const id of instrumentIds) {
    const assessment = cascade.latest(id);
    if (assessment && !assessment.warmingUp)
      levels.push({ instrument: id, level: assessment.level, score: assessment.score });
  }
  return {
    time: clock.now(),
    grossExposure: equity > 0 ? portfolio.grossExposure() / equity : 0,
    kelly: { ...kelly, fraction: kellyFraction },
    correlation: {
      strategyIds: deps.strategies.map((s) => s.id),
      matrix: Array.from(correlation.matrix),
      portfolioCorrelation: correlation.portfolioCorrelation,
      penalty: correlation.penalty,
      threshold: correlation.threshold,
    },
    cascade: levels,
  };
}

/** Each strategy's identity and its last signal or reason for abstaining (the snapshot's list). */
export function strategyInfos(deps: EngineDeps, status: ReadonlyMap<string, StrategyStatus>): StrategyInfo[] {
  return deps.strategies.map((s) => {
    const state = status.get(s.id)!;
    return {
      id: s.id,
      name: s.name,
      enabled: true,
      lastSignal: state.lastSignal,
      abstainReason: state.abstainReason,
    };
  });
}
