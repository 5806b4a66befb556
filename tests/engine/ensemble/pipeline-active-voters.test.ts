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

  // DOC/CODE MISMATCH, left to the lead (a fix moves the pinned tests/backtest/pipeline-regression figures):
  // docs/RISK.md says the active strategies are "the strategies that voted buy or sell on the instrument";
  // the pipeline counts every strategy that cast any vote (holds included) on any instrument, and applies
  // one penalty to every instrument. Here a and b hold and only c buys: by the doc there is no active pair,
  // so the correlation is 0 and c's 0.8 is not penalised; the code penalises it to 0.56.
  // Marked `it.fails` so CI stays green; it turns red once the pipeline follows the doc.
  it.fails('leaves a lone buyer unpenalised when the strategies correlated with it only hold', () => {
    const step = correlatedPipeline().decide([vote('a', 'hold'), vote('b', 'hold'), vote('c', 'buy')]);
    expect(step.portfolioCorrelation).toBe(0);
    expect(step.penalty).toBe(1);
  });
});
