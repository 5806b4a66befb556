import { describe, expect, it } from 'vitest';
import type { EnsembleDecision, StrategyVote } from '../../src-main/engine/ensemble/types';
import { leadingStrategy, limitOf } from '../../src-main/engine/order-planner';

const decision = (
  action: 'buy' | 'sell' | 'hold',
  breakdown: EnsembleDecision['breakdown'] = [],
): EnsembleDecision => ({
  instrument: 'X',
  method: 'weighted_average',
  action,
  confidence: 0.5,
  score: 0,
  outcome: 'decided',
  breakdown,
});
const vote = (strategyId: string, action: 'buy' | 'sell', limitPrice?: number): StrategyVote => ({
  strategyId,
  instrument: 'X',
  action,
  confidence: 1,
  reason: '',
  ...(limitPrice === undefined ? {} : { limitPrice }),
});

describe('limitOf', () => {
  it('uses the least aggressive limit when every vote in the decided direction names one', () => {
    expect(
      limitOf(decision('buy'), [vote('a', 'buy', 99.5), vote('b', 'buy', 99.2), vote('c', 'sell')]),
    ).toBe(99.2);
    expect(limitOf(decision('sell'), [vote('a', 'sell', 100.5), vote('b', 'sell', 100.9)])).toBe(100.9);
  });

  it('sends a market order when any vote in the decided direction has no limit, or on hold', () => {
    expect(limitOf(decision('buy'), [vote('a', 'buy', 99.5), vote('b', 'buy')])).toBeNull();
    expect(limitOf(decision('hold'), [vote('a', 'buy', 99.5)])).toBeNull();
  });
});

describe('leadingStrategy', () => {
  it('names the strategy that pushed hardest toward the decided side', () => {
    const breakdown = [
      { strategyId: 'a', action: 'buy' as const, confidence: 1, weight: 0.2, contribution: 0.2, reason: '' },
      { strategyId: 'b', action: 'buy' as const, confidence: 1, weight: 0.5, contribution: 0.5, reason: '' },
      {
        strategyId: 'c',
        action: 'sell' as const,
        confidence: 1,
        weight: 0.3,
        contribution: -0.3,
        reason: '',
      },
    ];
    expect(leadingStrategy(decision('buy', breakdown))).toBe('b');
    expect(leadingStrategy(decision('sell', breakdown))).toBe('c');
    expect(leadingStrategy(decision('buy', []))).toBe('ensemble');
  });
});
