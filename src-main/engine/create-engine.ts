import type { InstrumentSpec } from '../../src-shared/domain/market';
import type { Settings } from '../../src-shared/settings/schema';
import { SimulatedClock } from './clock';
import { createExecutionEngine } from './execution/create-execution-engine';
import { LiquidationCascadeDetector } from './data/liquidation-cascade';
import { LogOfRatioMemo } from './data/log-of-ratio';
import { NormalizationPipeline } from './data/normalizer';
import {
  cascadeOptionsFrom,
  normalizationOptionsFrom,
  validatorOptionsFrom,
} from './data/options-from-settings';
import { DataValidator } from './data/validator';
import { EnsemblePipeline } from './ensemble/ensemble-pipeline';
import { Engine } from './loop';
import { PositionSizer } from './risk/position-sizer';
import { Portfolio } from './portfolio';
import type { Journal, PortfolioCheckpoint } from './ports';
import { CircuitBreaker, type BreakerMemory } from './risk/circuit-breaker';
import { RiskManager } from './risk/risk-manager';
import { Rng } from './rng';
import { createStrategies } from './strategies/registry';

export interface EngineStart {
  settings: Settings;
  instruments: readonly InstrumentSpec[];
  journal: Journal;
  /** Seed of the execution randomness (slippage factors). */
  seed: number;
  /** State to continue from; a fresh portfolio with the settings' initial cash when absent. */
  restored?: { checkpoint: PortfolioCheckpoint; breaker: BreakerMemory | null } | undefined;
  /** Order ids continue across sessions so they stay unique in the database. */
  firstOrderId?: number;
  /** Details of instruments the feed lists later. */
  resolveInstrument?: (id: string) => InstrumentSpec | undefined;
  /** Every instrument trades around the clock (the synthetic market): no exchange calendar in validation. */
  aroundTheClock?: boolean;
}

/** Wires the engine's parts from validated settings. */
export function createEngine({
  settings,
  instruments,
  journal,
  seed,
  restored,
  firstOrderId = 1,
  resolveInstrument,
  aroundTheClock = false,
}: EngineStart): Engine {
  const initialCash = settings.paper.initialCash;
  const portfolio = restored
    ? Portfolio.restore(initialCash, restored.checkpoint)
    : new Portfolio(initialCash);
  const breakerSettings = settings.risk.circuitBreaker;
  const breaker = new CircuitBreaker(
    { levels: breakerSettings.levels, cooldownMs: breakerSettings.cooldownMinutes * 60_000 },
    restored?.breaker ?? {
      equity: restored ? Math.max(restored.checkpoint.peakEquity, portfolio.equity()) : portfolio.equity(),
    },
  );
  const strategies = createStrategies(settings);
  const limits = settings.risk.positionLimits;
  // The validator and the normaliser take the same log return of each accepted bar: computed once.
  const logMemo = new LogOfRatioMemo();
  return new Engine({
    clock: new SimulatedClock(restored?.checkpoint.time ?? 0),
    validator: new DataValidator({
      ...validatorOptionsFrom(settings.data, instruments, aroundTheClock),
      logMemo,
    }),
    normalizer: new NormalizationPipeline({ ...normalizationOptionsFrom(settings.data), logMemo }),
    cascade: new LiquidationCascadeDetector(
      cascadeOptionsFrom(settings.data, settings.risk.liquidationCascade.highRiskThreshold),
    ),
    cascadeKeep: settings.risk.liquidationCascade.reduceTo,
    instruments,
    resolveInstrument,
    strategies,
    ensemble: new EnsemblePipeline(
      strategies.map((s) => s.id),
      settings.ensemble,
      settings.market.barIntervalSeconds * 1000,
    ),
    sizer: new PositionSizer({
      kellyFraction: settings.risk.kelly.fraction,
      minTrades: settings.risk.kelly.minTrades,
      windowTrades: settings.risk.kelly.windowTrades,
      minFractionOfEquity: limits.minFractionOfEquity,
      maxFractionOfEquity: limits.maxFractionOfEquity,
      maxGrossFractionOfEquity: settings.risk.exposure.maxGrossFractionOfEquity,
    }),
    risk: new RiskManager(settings.risk.positionLimits, breaker),
    execution: createExecutionEngine(settings.execution, instruments, new Rng(seed ^ 0x5eed), firstOrderId),
    journal,
    portfolio,
    checkpointIntervalMs: settings.persistence.checkpointIntervalMinutes * 60_000,
  });
}
