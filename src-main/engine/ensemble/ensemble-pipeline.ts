import type { EnsembleSettings } from '../../../src-shared/settings/sections/ensemble';
import { AdaptiveAllocator } from './adaptive-allocator';
import { CorrelationManager } from './correlation-manager';
import { adjustedConfidence, correlationPenalty, portfolioCorrelation } from './correlation-penalty';
import { withConfidence, type EnsembleDecision, type StrategyVote } from './types';
import { BallotBox } from './ballot-box';

export interface EnsembleStep {
  decisions: EnsembleDecision[];
  /** Weight-averaged pairwise correlation of the strategies that voted. */
  portfolioCorrelation: number;
  /** 1 − (correlation − threshold) above the threshold, else 1; applied to every vote's confidence. */
  penalty: number;
}

/**
 * Steps 7–9 of the loop: adaptive allocation (Sharpe of each strategy's signal returns, smoothed, bounded,
 * rebalanced on schedule), the correlation adjustment (portfolio correlation of the strategies voting, the
 * spec's penalty applied once, to the votes' confidences) and the per-instrument vote.
 */
export class EnsemblePipeline {
  private readonly allocator: AdaptiveAllocator;
  private readonly correlation: CorrelationManager;
  private readonly indexOf: Map<string, number>;
  private readonly active: boolean[];
  private readonly ballots: BallotBox;
  /** Each vote's strategy index on the current step (−1: an unknown id); grows to the most votes seen. */
  private voterIndex = new Int32Array(64);
  private lastCorrelation = 0;
  private lastPenalty = 1;

  constructor(
    strategyIds: readonly string[],
    private readonly settings: EnsembleSettings,
    barIntervalMs: number,
  ) {
    const n = Math.max(1, strategyIds.length);
    this.indexOf = new Map(strategyIds.map((id, i) => [id, i]));
    this.active = new Array<boolean>(n).fill(false);
    this.ballots = new BallotBox(strategyIds);
    const { allocation, correlation } = settings;
    this.allocator = new AdaptiveAllocator({
      strategyCount: n,
      sharpeWindow: allocation.sharpeWindow,
      smoothingAlpha: allocation.smoothingAlpha,
      minWeight: allocation.minWeight,
      maxWeight: allocation.maxWeight,
      rebalanceIntervalMs: allocation.rebalanceIntervalHours * 3_600_000,
    });
    this.correlation = new CorrelationManager({
      strategyCount: n,
      windowMinutes: correlation.windowMinutes,
      barIntervalMs,
      refreshMinutes: correlation.refreshMinutes,
      method: correlation.method,
      minSamples: correlation.minSamples,
    });
  }

  /** Feeds one per-bar signal return per strategy (same order as the ids), then rebalances if it is due. */
  observe(time: number, returns: ArrayLike<number>): void {
    for (let i = 0; i < returns.length; i++) this.allocator.recordReturn(i, returns[i]!);
    this.correlation.update(time, returns);
    this.allocator.rebalance(time);
  }

  weights(): Float64Array {
    return this.allocator.weights();
  }

  weightOf(strategyId: string): number {
    const i = this.indexOf.get(strategyId);
    return i === undefined ? 0 : this.allocator.weights()[i]!;
  }

  allocation() {
    return this.allocator.snapshot();
  }

  /** The cached correlation matrix (row-major) and the last step's portfolio correlation and penalty. */
  correlationView(): {
    matrix: Float64Array;
    portfolioCorrelation: number;
    penalty: number;
    threshold: number;
  } {
    return {
      matrix: this.correlation.matrix(),
      portfolioCorrelation: this.lastCorrelation,
      penalty: this.lastPenalty,
      threshold: this.settings.correlation.threshold,
    };
  }

  decide(votes: readonly StrategyVote[]): EnsembleStep {
    this.active.fill(false);
    if (this.voterIndex.length < votes.length) this.voterIndex = new Int32Array(2 * votes.length);
    const voterIndex = this.voterIndex;
    // A strategy's votes come one after another: look its index up once per run of its votes.
    let lastId: string | null = null;
    let index = -1;
    for (let k = 0; k < votes.length; k++) {
      const v = votes[k]!;
      if (v.strategyId !== lastId) {
        lastId = v.strategyId;
        index = this.indexOf.get(v.strategyId) ?? -1;
        if (index >= 0) this.active[index] = true;
      }
      voterIndex[k] = index;
    }
    const weights = this.allocator.weights();
    const corr = portfolioCorrelation(this.correlation.matrix(), weights, this.active);
    const penalty = correlationPenalty(corr, this.settings.correlation.threshold);
    this.lastCorrelation = corr;
    this.lastPenalty = penalty;
    const adjusted =
      penalty < 1 ? votes.map((v) => withConfidence(v, adjustedConfidence(v.confidence, penalty))) : votes;
    return {
      decisions: this.ballots.decide(adjusted, voterIndex, weights, this.settings.voting.method),
      portfolioCorrelation: corr,
      penalty,
    };
  }
}
