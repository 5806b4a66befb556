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

  it('names the heaviest hold voter on a hold (the order that closes the position), never a buyer it outvoted', () => {
    // Weighted average: b buys with weight 0.4, h2 and h1 hold with 0.25 and 0.35: hold wins 0.6 to 0.4.
    // Contributions are w·d / Σw: b 0.4, the holds 0. h1 carries the most weight toward the hold.
    const contribution = (strategyId: string, action: 'buy' | 'hold', weight: number) => ({
      strategyId,
      action,
      confidence: 1,
      weight,
      contribution: action === 'buy' ? weight : 0,
      reason: '',
    });
    const breakdown = [
      contribution('b', 'buy', 0.4),
      contribution('h2', 'hold', 0.25),
      contribution('h1', 'hold', 0.35),
    ];
    expect(leadingStrategy(decision('hold', breakdown))).toBe('h1');
    // No hold voter carries weight: no strategy led the hold.
    expect(leadingStrategy(decision('hold', [contribution('b', 'buy', 0.4)]))).toBe('ensemble');
  });
});
