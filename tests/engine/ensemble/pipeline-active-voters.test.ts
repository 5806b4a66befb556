import { describe, expect, it } from 'vitest';
import { EnsemblePipeline } from '../../../src-main/engine/ensemble/ensemble-pipeline';
import type { StrategyVote } from '../../../src-main/engine/ensemble/types';
import { testSettings } from '../../helpers/settings';

const MIN = 60_000;

/** Three strategies whose signal returns are identical (pairwise correlation 1) over a full window. */
function correlatedPipeline(): EnsemblePipeline {
  const settings = testSettings().ensemble; // window 60 min, refresh 60 min, minSamples 20, threshold 0.7
  const pipeline = new EnsemblePipeline(['a', 'b', 'c'], settings, MIN);
  for (let bar = 0; bar <= 60; bar++) {
    const r = bar % 2 === 0 ? 0.01 : -0.005;
    pipeline.observe(bar * MIN, [r, r, r]);
  }
  return pipeline;
}

const vote = (strategyId: string, action: StrategyVote['action']): StrategyVote => ({
  strategyId,
  instrument: 'X',
  action,
  confidence: 0.8,
  reason: 'test',
});

describe('EnsemblePipeline: whose correlation penalises a vote', () => {
  it('penalises correlated strategies that all vote buy: correlation 1 → penalty 0.7', () => {
    const step = correlatedPipeline().decide([vote('a', 'buy'), vote('b', 'buy'), vote('c', 'buy')]);
    // Every pair has ρ = 1, so the weighted average is 1 and the penalty 1 − (1 − 0.7) = 0.7.
    expect(step.portfolioCorrelation).toBeCloseTo(1, 12);
    expect(step.penalty).toBeCloseTo(0.7, 12);
    expect(step.decisions[0]!.confidence).toBeCloseTo(0.8 * 0.7, 12);
  });

  // docs/RISK.md: the active strategies are all that voted this step, holds included (a hold is a view), and
  // the step's one penalty applies to every vote. Here a and b hold and c buys: all three pairs count.
  it('counts holding strategies as active: a lone buyer among correlated holders is penalised too', () => {
    const step = correlatedPipeline().decide([vote('a', 'hold'), vote('b', 'hold'), vote('c', 'buy')]);
    expect(step.portfolioCorrelation).toBeCloseTo(1, 12);
    expect(step.penalty).toBeCloseTo(0.7, 12);
    // Weighted average: buy tally 1/3 < hold tally 2/3, so the instrument's verdict is hold; c's penalised
    // confidence shows in its share of the decision's breakdown.
    const buyer = step.decisions[0]!.breakdown.find((b) => b.strategyId === 'c')!;
    expect(buyer.confidence).toBeCloseTo(0.8 * 0.7, 12);
  });

  it('leaves the votes alone when fewer than two strategies vote (no pair to correlate)', () => {
    const step = correlatedPipeline().decide([vote('c', 'buy')]);
    expect(step.portfolioCorrelation).toBe(0);
    expect(step.penalty).toBe(1);
    expect(step.decisions[0]!.confidence).toBe(0.8);
  });
});
