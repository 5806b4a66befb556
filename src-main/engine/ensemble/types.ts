import type { InstrumentId } from '../../../src-shared/domain/market';
import type { Signal, SignalAction } from '../../../src-shared/domain/strategy';

/** One strategy's vote on one instrument. A strategy that abstains casts no vote (it is not a hold). */
export interface StrategyVote {
  strategyId: string;
  instrument: InstrumentId;
  action: SignalAction;
  /** 0–1, after any correlation penalty. */
  confidence: number;
  reason: string;
  /** The strategy asks for a limit order at this price (see Signal.limitPrice). */
  limitPrice?: number;
}

/**
 * The vote a strategy's signal casts: its fields copied one by one (an object spread of the many signal
 * shapes the strategies build is a slow path in V8, and this runs for every signal of every bar).
 */
export function voteOf(strategyId: string, signal: Signal): StrategyVote {
  const vote: StrategyVote = {
    strategyId,
    instrument: signal.instrument,
    action: signal.action,
    confidence: signal.confidence,
    reason: signal.reason,
  };
  if (signal.limitPrice !== undefined) vote.limitPrice = signal.limitPrice;
  return vote;
}

/** A copy of a vote with another confidence (the correlation penalty's). */
export function withConfidence(vote: StrategyVote, confidence: number): StrategyVote {
  const copy = voteOf(vote.strategyId, vote);
  copy.confidence = confidence;
  return copy;
}

export type VotingMethod = 'weighted_average' | 'majority' | 'blend';

/** How the vote ended: decided, or why it fell back to hold. */
export type VoteOutcome = 'decided' | 'tie' | 'no-majority' | 'no-votes';

/** One strategy's part in a decision: what the UI shows to explain a trade. */
export interface VoteContribution {
  strategyId: string;
  action: SignalAction;
  confidence: number;
  weight: number;
  /** This vote's signed share of `score` (buy +, sell −, hold 0); the contributions sum to the score. */
  contribution: number;
  reason: string;
}

/** The ensemble's decision on one instrument, with the record of how it was reached. */
export interface EnsembleDecision {
  instrument: InstrumentId;
  method: VotingMethod;
  action: SignalAction;
  /** 0–1. */
  confidence: number;
  /** Net direction in [−1, 1]: + toward buy, − toward sell (definition per method, see voting.ts). */
  score: number;
  outcome: VoteOutcome;
  /** Each vote's part, in vote order (the ensemble's decisions build it when it is first read). */
  readonly breakdown: VoteContribution[];
}
