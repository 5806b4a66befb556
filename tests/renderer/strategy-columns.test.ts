import { describe, expect, it } from 'vitest';
import { RATE_LABELS, winRateOf } from '../../src-renderer/panels/strategies/strategy-figures';

// The engine's hitRate is the share of scored signals whose next bar moved their way, not the share of
// winning round trips that "win rate" means everywhere else (docs/EXECUTION.md, Metrics; the P&L tooltip's
// "N round trips, M won"). The strategies table and chart labelled hitRate "Win rate", so 70 % could sit
// beside 1 won of 10. The labels come from RATE_LABELS (strategy-columns.tsx, StrategyComparison.tsx).
describe('strategies view rates', () => {
  it('names the signal hit rate "Hit rate" and the round trips’ rate "Win rate"', () => {
    expect(RATE_LABELS).toEqual({ hitRate: 'Hit rate', winRate: 'Win rate' });
  });

  it('computes the win rate from the round trips the strategy opened', () => {
    const pnl = { strategy: 'momentum', trades: 10, wins: 1, pnl: -50, commission: 5, netPnl: -55 };
    expect(winRateOf({ pnl })).toBe(0.1); // 1 won of 10 round trips
    // No round trip yet: no win rate (sorted last), not 0 %.
    expect(winRateOf({ pnl: null })).toBeNull();
    expect(winRateOf({ pnl: { ...pnl, trades: 0, wins: 0 } })).toBeNull();
  });
});
