import type { Signal } from '../../src-shared/domain/strategy';
import type { EnsemblePipeline, EnsembleStep } from './ensemble/ensemble-pipeline';
import { CastVotes } from './ensemble/cast-votes';
import type { StrategyVote } from './ensemble/types';
import type { MarketSnapshot } from './ports';
import type { TrackedStrategy } from './strategies/tracked-strategy';

export interface StrategyStatus {
  lastSignal: Signal | null;
  abstainReason: string | null;
}

/**
 * Steps 6–9 of the loop: every strategy's signals as votes (with each strategy's signal return for the bar
 * and what the strategies view shows of it), then the ensemble's allocation, correlation and vote. Depends
 * on market data only, so a restart can replay it over past slices (Engine.warmUp).
 */
export class StrategyStage {
  /** The status of each strategy by id, for the views. */
  readonly status = new Map<string, StrategyStatus>();
  /** The same status objects in strategy order, for the per-step loop (no lookup by id). */
  private readonly statusList: StrategyStatus[];
  private readonly returns: Float64Array;
  private readonly castVotes: CastVotes;
  /** The step's votes (read after `decide`): one list, refilled each step (no one keeps it past the step). */
  readonly votes: StrategyVote[] = [];

  constructor(
    private readonly strategies: readonly TrackedStrategy[],
    private readonly ensemble: EnsemblePipeline,
  ) {
    this.statusList = strategies.map(() => ({ lastSignal: null, abstainReason: 'no market data yet' }));
    strategies.forEach((s, i) => this.status.set(s.id, this.statusList[i]!));
    this.returns = new Float64Array(strategies.length);
    this.castVotes = new CastVotes(strategies.length);
  }

  /** The ensemble's decisions on this step's votes (those are in `votes` until the next step). */
  decide(snapshot: MarketSnapshot): EnsembleStep {
    const votes = this.collectVotes(snapshot);
    this.ensemble.observe(snapshot.time, this.returns);
    return this.ensemble.decide(votes);
  }

  /** Every strategy's signals as votes, and each strategy's signal return for this bar. */
  private collectVotes(snapshot: MarketSnapshot): StrategyVote[] {
    const votes = this.votes;
    let count = 0;
    const { strategies } = this;
    for (let i = 0; i < strategies.length; i++) {
      const strategy = strategies[i]!;
      const decision = strategy.onEvent(snapshot);
      this.returns[i] = strategy.lastReturn;
      const status = this.statusList[i]!;
      status.abstainReason = decision.abstain;
      const { signals } = decision;
      for (let k = 0; k < signals.length; k++)
        votes[count++] = this.castVotes.voteFor(i, strategy.id, k, signals[k]!);
      if (signals.length > 0) status.lastSignal = signals[signals.length - 1]!;
    }
    votes.length = count;
    return votes;
  }
}
