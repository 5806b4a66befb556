import type { EnsembleDecision, StrategyVote, VoteContribution, VoteOutcome, VotingMethod } from './types';
import { breakdownOf, checkedWeight, verdictOf, votedEarlier, votedTwice, type Verdict } from './voting';
import { SlotMemo } from '../slot-memo';

/**
 * One instrument's ballot, kept and refilled from step to step: its votes of the step (the first `count`
 * entries of each list), each voter's strategy index and weight.
 */
interface Ballot {
  instrument: string;
  /** The step this ballot last took votes in (a stale one is empty). */
  step: number;
  count: number;
  voters: StrategyVote[];
  voterIndex: number[];
  voterWeights: number[];
  /** Per strategy index: the step in which it last voted here (one vote per strategy and step). */
  votedIn: Int32Array;
}

/**
 * The per-step vote of the ensemble: the same decisions as `voteAll(votes, weightMap(ids, weights),
 * method)`, in the same order (instruments in order of first vote, each vote's breakdown in vote order,
 * every sum in the same order), the same RangeErrors on the same first bad vote, but without a map of
 * groups and a map of weights built per step: each instrument keeps its ballot from step to step, weights
 * are read by the voter's strategy index, and a repeated voter is found by a stamp, not a scan.
 * Ballots of every instrument ever voted on are kept (a few per listed contract).
 */
export class BallotBox {
  private readonly ballots = new Map<string, Ballot>();
  private readonly open: Ballot[] = [];
  /**
   * The ballot found for the vote at each position of the step's list: strategies vote on the same
   * instruments in the same order from step to step, so the map is read only when that order changes.
   */
  private readonly byPosition = new SlotMemo<Ballot>();
  private step = 0;

  constructor(private readonly strategyIds: readonly string[]) {}

  /**
   * Decides every instrument voted on. `strategyIndex[k]` is the index in the strategy ids of the k-th
   * vote's strategy (−1 for an id not among them: refused as without weight); `weights` follow the ids.
   */
  decide(
    votes: readonly StrategyVote[],
    strategyIndex: ArrayLike<number>,
    weights: ArrayLike<number>,
    method: VotingMethod,
  ): EnsembleDecision[] {
    const step = ++this.step;
    const open = this.open;
    open.length = 0;
    const memo = this.byPosition;
    for (let k = 0; k < votes.length; k++) {
      const instrument = votes[k]!.instrument;
      let ballot = memo.at(k, instrument);
      if (ballot === undefined) {
        ballot = this.ballotOf(instrument);
        memo.remember(k, instrument, ballot);
      }
      if (ballot.step !== step) {
        ballot.step = step;
        ballot.count = 0;
        open.push(ballot);
      }
      ballot.voters[ballot.count] = votes[k]!;
      ballot.voterIndex[ballot.count] = strategyIndex[k]!;
      ballot.count += 1;
    }
    const decisions: EnsembleDecision[] = [];
    for (const ballot of open) decisions.push(this.count(ballot, weights, method));
    return decisions;
  }

  /** The instrument's ballot, made on its first vote. */
  private ballotOf(instrument: string): Ballot {
    let ballot = this.ballots.get(instrument);
    if (ballot === undefined) {
      ballot = {
        instrument,
        step: 0,
        count: 0,
        voters: [],
        voterIndex: [],
        voterWeights: [],
        votedIn: new Int32Array(this.strategyIds.length),
      };
      this.ballots.set(instrument, ballot);
    }
    return ballot;
  }

  /** One instrument's decision; the checks of `vote` in its order (twice, confidence, weight). */
  private count(ballot: Ballot, weights: ArrayLike<number>, method: VotingMethod): EnsembleDecision {
    const { instrument, votedIn, voters, voterIndex, voterWeights, count } = ballot;
    for (let n = 0; n < count; n++) {
      const v = voters[n]!;
      const index = voterIndex[n]!;
      if (index >= 0 ? votedIn[index] === this.step : votedEarlier(voters, n))
        throw votedTwice(v, instrument);
      if (index >= 0) votedIn[index] = this.step;
      voterWeights[n] = checkedWeight(v, index >= 0 ? weights[index] : undefined);
    }
    return new BallotDecision(ballot, method, verdictOf(voters, voterWeights, count, method));
  }
}

/**
 * A decision of the ballot box. Its breakdown (one object per vote) is built from the ballot when first
 * read: the loop reads it only for the few decisions that place an order, and building it for every
 * instrument on every step was a quarter of the pipeline's allocations. It must be read before the
 * ballot takes a later step's votes (the loop reads it within the step); read after that, it throws.
 */
class BallotDecision implements EnsembleDecision {
  readonly instrument: string;
  readonly action: EnsembleDecision['action'];
  readonly confidence: number;
  readonly score: number;
  readonly outcome: VoteOutcome;
  /** The step whose votes the ballot held when this was decided. */
  private readonly step: number;
  private built: VoteContribution[] | null = null;

  constructor(
    private readonly ballot: Ballot,
    readonly method: VotingMethod,
    verdict: Verdict,
  ) {
    this.instrument = ballot.instrument;
    this.step = ballot.step;
    this.action = verdict.action;
    this.confidence = verdict.confidence;
    this.score = verdict.score;
    this.outcome = verdict.outcome;
  }

  get breakdown(): VoteContribution[] {
    if (this.built !== null) return this.built;
    const { ballot } = this;
    if (ballot.step !== this.step)
      throw new Error(`the breakdown of ${this.instrument}'s decision was read after a later step's vote`);
    this.built = breakdownOf(ballot.voters, ballot.voterWeights, ballot.count, this.method);
    return this.built;
  }
}
