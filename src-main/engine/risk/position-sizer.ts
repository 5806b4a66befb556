import type { EnsembleDecision } from '../ensemble/types';
import { capExposure, type ExposureDecision, type PositionExposure } from './exposure';
import {
  KellyEstimator,
  sizedQty,
  sizePosition,
  type KellyEstimate,
  type Sizing,
  type SizingInput,
} from './kelly';

export interface SizerConfig {
  kellyFraction: number;
  minTrades: number;
  windowTrades: number;
  minFractionOfEquity: number;
  maxFractionOfEquity: number;
  maxGrossFractionOfEquity: number;
}

export interface SizingContext {
  equity: number;
  price: number;
  lotSize: number;
  currentQty: number;
  breakerMultiplier: number;
  positions: readonly PositionExposure[];
}

/** How a decision became a target position: every input, for the decision record. */
export interface TargetSizing {
  /** Signed target quantity; null when the decision leaves the position as it is. */
  targetQty: number | null;
  kelly: KellyEstimate;
  sizing: Sizing | null;
  exposure: { trimmed: boolean; exposureAfter: number; reason: string | null } | null;
  note: string;
}

/**
 * Step 10: position size = Kelly estimate × Kelly fraction × the ensemble's confidence × the breaker's
 * multiplier, clamped to the position limits (below the minimum: no position), then trimmed to the
 * total-exposure cap. The correlation adjustment is already in the confidence (applied once, to the votes).
 *
 * The Kelly estimate learns from the ensemble's own calls ("shadow trades"): each buy or sell decision opens
 * a virtual position at the decision's price, closed by the next opposite or hold decision; its return is
 * recorded whether or not a real order was placed. So the estimate measures the ensemble's edge and can
 * start from nothing (at first it is shrunk toward zero by trades / minTrades).
 */
export class PositionSizer {
  readonly kelly: KellyEstimator;
  private readonly shadows = new Map<string, { direction: 1 | -1; price: number }>();

  constructor(private readonly config: SizerConfig) {
    this.kelly = new KellyEstimator({ minTrades: config.minTrades, windowTrades: config.windowTrades });
  }

  /** Updates the shadow position of the decision's instrument at this price. */
  observe(decision: EnsembleDecision, price: number): void {
    if (decision.outcome !== 'decided' || !(price > 0)) return;
    const shadow = this.shadows.get(decision.instrument);
    const direction = decision.action === 'buy' ? 1 : decision.action === 'sell' ? -1 : 0;
    if (shadow && shadow.direction === direction) return;
    if (shadow) {
      this.kelly.record(shadow.direction * (price / shadow.price - 1));
      this.shadows.delete(decision.instrument);
    }
    if (direction !== 0) this.shadows.set(decision.instrument, { direction, price });
  }

  /**
   * `target(decision, ctx).targetQty` without its record (no notes, no objects kept): the engine sizes every
   * decision this way and builds the full record only for one that becomes an order. Same checks and errors.
   */
  targetQty(decision: EnsembleDecision, ctx: SizingContext): number | null {
    if (decision.outcome !== 'decided') return null;
    if (decision.action === 'hold') return 0;
    const qty = sizedQty(this.sizingInput(decision, ctx, this.kelly.estimate()));
    const wanted = (decision.action === 'buy' ? 1 : -1) * qty;
    if (wanted === ctx.currentQty) return wanted;
    return ctx.currentQty + this.capped(decision, ctx, wanted).deltaQty;
  }

  target(decision: EnsembleDecision, ctx: SizingContext): TargetSizing {
    const kelly = this.kelly.estimate();
    if (decision.outcome !== 'decided') {
      return {
        targetQty: null,
        kelly,
        sizing: null,
        exposure: null,
        note: `vote ${decision.outcome}: position unchanged`,
      };
    }
    if (decision.action === 'hold') {
      return {
        targetQty: 0,
        kelly,
        sizing: null,
        exposure: null,
        note: 'the ensemble holds: close the position',
      };
    }
    const sizing = sizePosition(this.sizingInput(decision, ctx, kelly));
    const side = decision.action === 'buy' ? 1 : -1;
    const wanted = side * sizing.qty;
    if (wanted === ctx.currentQty) {
      return { targetQty: wanted, kelly, sizing, exposure: null, note: sizing.reasonIfZero ?? 'at target' };
    }
    const capped = this.capped(decision, ctx, wanted);
    const exposure = { trimmed: capped.trimmed, exposureAfter: capped.exposureAfter, reason: capped.reason };
    const note = sizing.reasonIfZero ?? (capped.reason ? capped.reason : 'sized');
    return { targetQty: ctx.currentQty + capped.deltaQty, kelly, sizing, exposure, note };
  }

  private sizingInput(decision: EnsembleDecision, ctx: SizingContext, kelly: KellyEstimate): SizingInput {
    return {
      equity: ctx.equity,
      kelly: kelly.kelly,
      kellyFraction: this.config.kellyFraction,
      confidence: decision.confidence,
      breakerMultiplier: ctx.breakerMultiplier,
      correlationAdjustment: 1,
      minFraction: this.config.minFractionOfEquity,
      maxFraction: this.config.maxFractionOfEquity,
      price: ctx.price,
      lotSize: ctx.lotSize,
    };
  }

  /** The move from the current position to `wanted`, trimmed to the total-exposure cap. */
  private capped(decision: EnsembleDecision, ctx: SizingContext, wanted: number): ExposureDecision {
    return capExposure(
      {
        instrument: decision.instrument,
        currentQty: ctx.currentQty,
        deltaQty: wanted - ctx.currentQty,
        price: ctx.price,
        lotSize: ctx.lotSize,
      },
      ctx.positions,
      ctx.equity,
      this.config.maxGrossFractionOfEquity,
    );
  }
}
