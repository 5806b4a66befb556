// The ensemble's public API (spec section 5): what the engine loop wires in.
export { AdaptiveAllocator, sharpeRatio } from './adaptive-allocator';
export type { AllocationConfig, AllocationSnapshot } from './adaptive-allocator';
export { boundedWeights } from './bounded-weights';
export type { BoundedWeights, BoundsRelaxation } from './bounded-weights';
export { CorrelationManager, windowLength } from './correlation-manager';
export type { CorrelationConfig, CorrelationMethod } from './correlation-manager';
export { adjustedConfidence, correlationPenalty, portfolioCorrelation } from './correlation-penalty';
export { voteOf } from './types';
export type { EnsembleDecision, StrategyVote, VoteContribution, VoteOutcome, VotingMethod } from './types';
export { vote, voteAll, weightMap } from './voting';
