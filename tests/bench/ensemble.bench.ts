import { bench, describe } from 'vitest';
import { AdaptiveAllocator } from '../../src-main/engine/ensemble/adaptive-allocator';
import { CorrelationManager } from '../../src-main/engine/ensemble/correlation-manager';
import { correlationPenalty, portfolioCorrelation } from '../../src-main/engine/ensemble/correlation-penalty';
import type { StrategyVote } from '../../src-main/engine/ensemble/types';
import { vote, weightMap } from '../../src-main/engine/ensemble/voting';
import { sizePosition } from '../../src-main/engine/risk/kelly';
import { Rng } from '../../src-main/engine/rng';

// Each benchmark call processes BARS bars, so bars/s = ops/s × BARS.
const STRATEGIES = 20;
const BARS = 1000;
const MINUTE = 60_000;

const rng = new Rng(7);
const returns = Array.from({ length: BARS }, () =>
  Float64Array.from({ length: STRATEGIES }, () => 0.001 * rng.normal()),
);

function setup(method: 'pearson' | 'spearman') {
  const allocator = new AdaptiveAllocator({
    strategyCount: STRATEGIES,
    sharpeWindow: 1440,
    smoothingAlpha: 0.9,
    minWeight: 0.01,
    maxWeight: 0.25,
    rebalanceIntervalMs: 24 * 60 * MINUTE,
  });
  const correlation = new CorrelationManager({
    strategyCount: STRATEGIES,
    windowMinutes: 60,
    barIntervalMs: MINUTE,
    refreshMinutes: 60,
    method,
    minSamples: 20,
  });
  return { allocator, correlation };
}

let time = 0;
function step(state: ReturnType<typeof setup>): void {
  for (let bar = 0; bar < BARS; bar++) {
    const r = returns[bar]!;
    for (let i = 0; i < STRATEGIES; i++) state.allocator.recordReturn(i, r[i]!);
    state.allocator.rebalance(time);
    state.correlation.update(time, r);
    time += MINUTE;
  }
}

describe(`allocation + correlation update, ${STRATEGIES} strategies, ${BARS} one-minute bars per call`, () => {
  const pearson = setup('pearson');
  const spearman = setup('spearman');
  bench('pearson (hourly refresh, daily rebalance included)', () => step(pearson));
  bench('spearman (hourly refresh, daily rebalance included)', () => step(spearman));
});

describe(`decision per bar, ${STRATEGIES} strategies, ${BARS} bars per call`, () => {
  const { allocator, correlation } = setup('pearson');
  step({ allocator, correlation });
  const ids = Array.from({ length: STRATEGIES }, (_, i) => `s${i}`);
  const votes: StrategyVote[] = ids.map((strategyId, i) => ({
    strategyId,
    instrument: 'BTC',
    action: i % 3 === 0 ? 'sell' : i % 3 === 1 ? 'buy' : 'hold',
    confidence: 0.5 + 0.02 * i,
    reason: '',
  }));
  bench('portfolio correlation + penalty + weighted vote + Kelly size', () => {
    for (let bar = 0; bar < BARS; bar++) {
      const weights = allocator.weights();
      const penalty = correlationPenalty(portfolioCorrelation(correlation.matrix(), weights), 0.7);
      const decision = vote('BTC', votes, weightMap(ids, weights));
      sizePosition({
        equity: 100_000,
        kelly: 0.3,
        kellyFraction: 0.25,
        confidence: decision.confidence,
        breakerMultiplier: 1,
        correlationAdjustment: penalty,
        minFraction: 0.01,
        maxFraction: 0.15,
        price: 100,
        lotSize: 1,
      });
    }
  });
});
