import type { z } from 'zod';
import type { MarketSnapshot, StrategyDecision } from '../ports';
import type { SharedIndicators } from './shared-indicators';

export type StrategyCategory = 'base' | 'advanced';

/** Kinds of market data a strategy needs; it abstains, saying so, when they are absent. */
export type DataNeed =
  | 'ohlcv'
  | 'multi-venue'
  | 'liquidations'
  | 'funding'
  | 'prediction-markets'
  | 'sectors'
  | 'equity-index'
  | 'volatility-index';

/**
 * What each of the 20 strategies is: identity, its rule in one sentence, the data it needs, its parameter
 * schema (the settings section `strategies.<id>`), and a factory for its logic.
 */
export interface StrategyDefinition<Params extends z.ZodType = z.ZodType> {
  id: string;
  name: string;
  category: StrategyCategory;
  /** The rule, in one sentence, for the strategy list and docs/STRATEGIES.md. */
  rule: string;
  needs: readonly DataNeed[];
  params: Params;
  /**
   * The logic with these parameters. `shared`: the indicators this engine's strategies share (the
   * registry passes one per engine); a strategy made without it keeps its own.
   */
  create(params: z.output<Params>, shared?: SharedIndicators): StrategyLogic;
}

/**
 * A strategy's decision logic. Called once per market slice, in time order. It may only use what the
 * snapshot holds at that time (no look-ahead) and must be deterministic.
 */
export interface StrategyLogic {
  evaluate(snapshot: MarketSnapshot): StrategyDecision;
}

/** Helper for the common "signals or abstain" result. */
export function decide(signals: StrategyDecision['signals'], abstainReason: string): StrategyDecision {
  return signals.length > 0 ? { signals, abstain: null } : { signals: [], abstain: abstainReason };
}
