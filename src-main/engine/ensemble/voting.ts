import type { SignalAction } from '../../../src-shared/domain/strategy';
import type { EnsembleDecision, StrategyVote, VoteContribution, VoteOutcome, VotingMethod } from './types';

/** Tallies closer than this share of the total weight count as equal (sums in another order differ by ulps). */
const TIE_TOLERANCE = 1e-12;

const direction = (action: SignalAction): number => (action === 'buy' ? 1 : action === 'sell' ? -1 : 0);

/**
 * Aggregates the votes cast on one instrument (spec section 5, Ensemble Voting). `weights` maps a strategy
 * id to its allocation weight. Abstaining strategies are simply absent; a `hold` is a vote.
 *
 * - `weighted_average` (default): each action's tally is the sum of its voters' weights; the action with
 *   the highest tally wins. Confidence is the weighted average, over all voters, of each voter's confidence
 *   in the winning action (a voter for another action counts 0): Σ_winners w·c / Σ_all w.
 *   Score = (buy weight − sell weight) / total weight.
 * - `majority`: one vote per strategy, weights ignored; an action wins only with more than half of the
 *   votes cast. Confidence is the plain average confidence of the strategies that voted for it.
 *   Score = (buy votes − sell votes) / votes.
 * - `blend`: score = Σ w·c·d / Σ w with d = +1 buy, −1 sell, 0 hold (normalised to [−1, 1]); a positive
 *   score buys and a negative one sells, with confidence |score|.
 *
 * Ties never trade: equal top tallies (weighted average), no action above half (majority) or a zero score
 * with buy and sell conviction cancelling (blend) give `hold` with confidence 0 and outcome `tie` or
 * `no-majority`. No votes, or only zero weight, give `hold` with confidence 0 and outcome `no-votes`.
 * Throws a RangeError on a vote for another instrument, two votes from one strategy, a confidence outside
 * 0–1, or a strategy without a finite, non-negative weight.
 */
export function vote(
  instrument: string,
  votes: readonly StrategyVote[],
  weights: ReadonlyMap<string, number>,
  method: VotingMethod = 'weighted_average',
): EnsembleDecision {
  const voters: StrategyVote[] = [];
  const voterWeights: number[] = [];
  for (const v of votes) {
    if (v.instrument !== instrument)
      throw new RangeError(`vote of ${v.strategyId} is for ${v.instrument}, not ${instrument}`);
    voters.push(v);
    if (votedEarlier(voters, voters.length - 1)) throw votedTwice(v, instrument);
    voterWeights.push(checkedWeight(v, weights.get(v.strategyId)));
  }
  const count = voters.length;
  return {
    instrument,
    method,
    ...verdictOf(voters, voterWeights, count, method),
    breakdown: breakdownOf(voters, voterWeights, count, method),
  };
}

/** Groups votes by instrument (in order of first appearance) and decides each with `vote`. */
export function voteAll(
  votes: readonly StrategyVote[],
  weights: ReadonlyMap<string, number>,
  method: VotingMethod = 'weighted_average',
): EnsembleDecision[] {
  const groups = new Map<string, StrategyVote[]>();
  for (const v of votes) {
    const group = groups.get(v.instrument);
    if (group) group.push(v);
    else groups.set(v.instrument, [v]);
  }
  const decisions: EnsembleDecision[] = [];
  for (const [instrument, group] of groups) decisions.push(vote(instrument, group, weights, method));
  return decisions;
}

/** Maps strategy ids to the allocator's weights (same order). */
export function weightMap(strategyIds: readonly string[], weights: ArrayLike<number>): Map<string, number> {
  if (strategyIds.length !== weights.length)
    throw new RangeError(`${strategyIds.length} strategy ids but ${weights.length} weights`);
  return new Map(strategyIds.map((id, i) => [id, weights[i]!]));
}

export type Verdict = Pick<EnsembleDecision, 'action' | 'confidence' | 'score' | 'outcome'>;

/**
 * The verdict by `method` (rules in `vote`) of one instrument's checked votes: the first `count` of
 * `voters`, `weights[i]` being the weight of `voters[i]`. Shared by `vote` and the ensemble's ballot box,
 * which builds the breakdown only when it is read (see `breakdownOf`).
 */
export function verdictOf(
  voters: readonly StrategyVote[],
  weights: readonly number[],
  count: number,
  method: VotingMethod,
): Verdict {
  if (method === 'majority') return majority(voters, count);
  return method === 'blend' ? blend(voters, weights, count) : weightedAverage(voters, weights, count);
}

/**
 * Each vote's line in the decision's breakdown, its contribution the same number the verdict summed or
 * would sum: weighted average w·d / Σw, majority d / n, blend w·d·c / Σw (0 while no weight is positive).
 */
export function breakdownOf(
  voters: readonly StrategyVote[],
  weights: readonly number[],
  count: number,
  method: VotingMethod,
): VoteContribution[] {
  let total = 0;
  for (let i = 0; i < count; i++) total += weights[i]!;
  return voters.slice(0, count).map((v, i) => {
    const weight = weights[i]!;
    const d = direction(v.action);
    let contribution = 0;
    if (method === 'majority') contribution = d / count;
    else if (total > 0)
      contribution = method === 'blend' ? (d * weight * v.confidence) / total : (d * weight) / total;
    return {
      strategyId: v.strategyId,
      action: v.action,
      confidence: v.confidence,
      weight,
      contribution,
      reason: v.reason,
    };
  });
}

const fallback = (outcome: VoteOutcome, score = 0): Verdict => ({
  action: 'hold',
  confidence: 0,
  score,
  outcome,
});

/**
 * Whether the strategy of the n-th vote cast one of the votes before it: a linear scan, as an instrument
 * gets at most a few dozen votes.
 */
export function votedEarlier(voters: readonly StrategyVote[], n: number): boolean {
  for (let i = 0; i < n; i++) if (voters[i]!.strategyId === voters[n]!.strategyId) return true;
  return false;
}

/** The error of a strategy's second vote on one instrument in a step. */
export function votedTwice(v: StrategyVote, instrument: string): RangeError {
  return new RangeError(`${v.strategyId} voted twice on ${instrument}; one vote per strategy`);
}

/**
 * The weight of vote `v` given `weight`. Throws a RangeError for a confidence outside [0, 1] or a missing,
 * negative or non-finite weight.
 */
export function checkedWeight(v: StrategyVote, weight: number | undefined): number {
  if (!(v.confidence >= 0 && v.confidence <= 1))
    throw new RangeError(`confidence of ${v.strategyId} must be between 0 and 1, got ${v.confidence}`);
  if (weight === undefined || !(weight >= 0 && Number.isFinite(weight)))
    throw new RangeError(`${v.strategyId} has no valid weight (got ${weight})`);
  return weight;
}

function weightedAverage(
  voters: readonly StrategyVote[],
  weights: readonly number[],
  count: number,
): Verdict {
  // Three locals rather than an object indexed by the action (a keyed store on every vote).
  let buy = 0;
  let sell = 0;
  let hold = 0;
  let total = 0;
  for (let i = 0; i < count; i++) {
    const action = voters[i]!.action;
    const w = weights[i]!;
    if (action === 'buy') buy += w;
    else if (action === 'sell') sell += w;
    else if (action === 'hold') hold += w;
    total += w;
  }
  if (!(total > 0)) return fallback('no-votes');
  const score = (buy - sell) / total;
  const top = Math.max(buy, sell, hold);
  const floor = top - TIE_TOLERANCE * total;
  // The leader is the action within the tolerance of the top tally; more than one is a tie.
  const leaders = Number(buy >= floor) + Number(sell >= floor) + Number(hold >= floor);
  if (leaders > 1) return fallback('tie', score);
  const action = buy >= floor ? 'buy' : sell >= floor ? 'sell' : 'hold';
  let agreeing = 0;
  for (let i = 0; i < count; i++) {
    const v = voters[i]!;
    if (v.action === action) agreeing += weights[i]! * v.confidence;
  }
  return { action, confidence: agreeing / total, score, outcome: 'decided' };
}

function majority(voters: readonly StrategyVote[], n: number): Verdict {
  if (n === 0) return fallback('no-votes');
  const count = { buy: 0, sell: 0, hold: 0 };
  for (let i = 0; i < n; i++) count[voters[i]!.action] += 1;
  const score = (count.buy - count.sell) / n;
  const action = (['buy', 'sell', 'hold'] as const).find((a) => count[a] * 2 > n);
  if (action === undefined) return fallback('no-majority', score);
  let sum = 0;
  for (let i = 0; i < n; i++) if (voters[i]!.action === action) sum += voters[i]!.confidence;
  return { action, confidence: sum / count[action], score, outcome: 'decided' };
}

function blend(voters: readonly StrategyVote[], weights: readonly number[], count: number): Verdict {
  let total = 0;
  for (let i = 0; i < count; i++) total += weights[i]!;
  if (!(total > 0)) return fallback('no-votes');
  let score = 0;
  let conviction = 0;
  for (let i = 0; i < count; i++) {
    const v = voters[i]!;
    // The same expression as the breakdown's contribution (breakdownOf), so they sum to this score.
    const contribution = (direction(v.action) * weights[i]! * v.confidence) / total;
    score += contribution;
    conviction += Math.abs(contribution);
  }
  if (Math.abs(score) <= TIE_TOLERANCE) {
    // Buy and sell conviction cancelling is a tie; no buy or sell conviction at all is a decided hold.
    return conviction > TIE_TOLERANCE ? fallback('tie', 0) : fallback('decided', 0);
  }
  return { action: score > 0 ? 'buy' : 'sell', confidence: Math.abs(score), score, outcome: 'decided' };
}
