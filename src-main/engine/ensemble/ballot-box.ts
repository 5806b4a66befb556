import type { EnsembleDecision, StrategyVote, VoteContribution, VotingMethod } from './types';
import { contributionOf, decisionOf } from './voting';
import { SlotMemo } from '../slot-memo';

/** One instrument's ballot: the positions of its votes in the step's list, kept from step to step. */
interface Ballot {
  instrument: string;
  /** The step this ballot last took votes in (a stale one is empty). */
  step: number;
  count: number;
  votes: number[];
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
      ballot.votes[ballot.count++] = k;
    }
    const decisions: EnsembleDecision[] = [];
    for (const ballot of open) decisions.push(this.count(ballot, votes, strategyIndex, weights, method));
    return decisions;
  }

  /** The instrument's ballot, made on its first vote. */
  private ballotOf(instrument: string): Ballot {
    let ballot = this.ballots.get(instrument);
    if (ballot === undefined) {
      ballot = { instrument, step: 0, count: 0, votes: [], votedIn: new Int32Array(this.strategyIds.length) };
      this.ballots.set(instrument, ballot);
    }
    return ballot;
  }

  /** One instrument's decision; the checks of `vote` in its order (twice, confidence, weight). */
  private count(
    ballot: Ballot,
    votes: readonly StrategyVote[],
    strategyIndex: ArrayLike<number>,
    weights: ArrayLike<number>,
    method: VotingMethod,
  ): EnsembleDecision {
    const { instrument, votedIn } = ballot;
    const breakdown: VoteContribution[] = [];
    for (let n = 0; n < ballot.count; n++) {
      const k = ballot.votes[n]!;
      const v = votes[k]!;
      const index = strategyIndex[k]!;
      if (index >= 0 ? votedIn[index] === this.step : breakdown.some((b) => b.strategyId === v.strategyId))
        throw new RangeError(`${v.strategyId} voted twice on ${instrument}; one vote per strategy`);
      if (index >= 0) votedIn[index] = this.step;
      breakdown.push(contributionOf(v, index >= 0 ? weights[index] : undefined));
    }
    return decisionOf(instrument, method, breakdown);
  }
}
