import type { Signal } from '../../../src-shared/domain/strategy';
import { voteOf, type StrategyVote } from './types';

/**
 * The votes cast for each strategy's last signals, by strategy and position. A signal object handed out
 * again at the same position (strategies keep an immutable Signal while a view stands) casts the same vote
 * object again instead of a copy per bar; votes are never modified once cast. The lists only grow: stale
 * entries past a step's signals are compared by identity only.
 */
export class CastVotes {
  private readonly signals: Signal[][];
  private readonly votes: StrategyVote[][];

  constructor(strategies: number) {
    this.signals = Array.from({ length: strategies }, () => []);
    this.votes = Array.from({ length: strategies }, () => []);
  }

  /** The vote of strategy `index` (id `strategyId`) for its `position`-th signal of this step. */
  voteFor(index: number, strategyId: string, position: number, signal: Signal): StrategyVote {
    const signals = this.signals[index]!;
    const votes = this.votes[index]!;
    if (position === signals.length) {
      signals.push(signal);
      votes.push(voteOf(strategyId, signal));
    } else if (signals[position] !== signal) {
      signals[position] = signal;
      votes[position] = voteOf(strategyId, signal);
    }
    return votes[position]!;
  }
}
