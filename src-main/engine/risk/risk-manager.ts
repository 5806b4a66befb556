import type { Signal } from '../../../src-shared/domain/strategy';
import type { CircuitBreaker } from './circuit-breaker';

export interface PositionLimits {
  minFractionOfEquity: number;
  maxFractionOfEquity: number;
}

export type RiskDecision = { ok: true; qty: number } | { ok: false; reason: string };

/**
 * Stands between the strategies and execution: sizes a signal into a target position and approves (or
 * refuses, with a reason) each order. While trading is halted or at breaker level 3 only orders that
 * reduce an existing position pass.
 */
export class RiskManager {
  constructor(
    private readonly limits: PositionLimits,
    readonly breaker: CircuitBreaker,
  ) {}

  /**
   * Signed target quantity for a signal: a share of equity between the position limits, scaled by the
   * signal's confidence and the breaker's size multiplier, rounded down to whole lots. Null for `hold`.
   */
  targetQuantity(signal: Signal, equity: number, price: number, lotSize: number): number | null {
    if (signal.action === 'hold') return null;
    const { minFractionOfEquity: min, maxFractionOfEquity: max } = this.limits;
    const share = Math.min(max, Math.max(min, max * signal.confidence)) * this.breaker.sizeMultiplier();
    const lots = Math.floor((Math.max(0, equity) * share) / price / lotSize);
    const qty = lots * lotSize;
    return signal.action === 'buy' ? qty : -qty;
  }

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
