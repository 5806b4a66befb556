import type { CircuitBreaker } from './circuit-breaker';

export interface PositionLimits {
  minFractionOfEquity: number;
  maxFractionOfEquity: number;
}

export type RiskDecision = { ok: true; qty: number } | { ok: false; reason: string };

/**
 * Stands between the ensemble and execution: approves (or refuses, with a reason) each order against the
 * circuit breaker. While trading is halted or at breaker level 3 only orders that
 * reduce an existing position pass.
 */
export class RiskManager {
  constructor(
    private readonly limits: PositionLimits,
    readonly breaker: CircuitBreaker,
  ) {}

  /** The smallest change of position worth trading: the minimum position size. */
  minTradeNotional(equity: number): number {
    return Math.max(0, equity) * this.limits.minFractionOfEquity;
  }

  /** Approves a change of position from `currentQty` by `deltaQty` (signed), possibly cut to a reduction. */
  approve(currentQty: number, deltaQty: number): RiskDecision {
    if (deltaQty === 0) return { ok: false, reason: 'already at the target position' };
    const state = this.breaker.state();
    if (state.openingAllowed) return { ok: true, qty: deltaQty };
    const why = state.halted
      ? `trading halted by the trader: ${state.haltReason ?? ''}`
      : 'circuit breaker level 3: trading stopped';
    const reduces = currentQty !== 0 && Math.sign(deltaQty) === -Math.sign(currentQty);
    if (!reduces) return { ok: false, reason: `${why}; only reducing orders pass` };
    // A reversal is cut to a close: the opening part of it is refused.
    const qty = Math.sign(deltaQty) * Math.min(Math.abs(deltaQty), Math.abs(currentQty));
    return { ok: true, qty };
  }
}
