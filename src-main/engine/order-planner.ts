import type { Bar, InstrumentSpec } from '../../src-shared/domain/market';
import { cascadeReductions } from './data/cascade-reduction';
import type { LiquidationCascadeDetector } from './data/liquidation-cascade';
import type { EnsembleStep } from './ensemble/ensemble-pipeline';
import type { EnsembleDecision, StrategyVote } from './ensemble/types';
import type { OrderLedger } from './order-ledger';
import type { Portfolio } from './portfolio';
import type { ExecutionEngine, Journal, OrderRequest } from './ports';
import type { PositionSizer, SizingContext } from './risk/position-sizer';
import type { RiskManager } from './risk/risk-manager';

/** The positions handed to the sizer when it will not read them (a hold or an undecided vote). */
const NO_POSITIONS: readonly { instrument: string; notional: number }[] = Object.freeze([]);

export interface OrderPlannerDeps {
  portfolio: Portfolio;
  risk: RiskManager;
  sizer: PositionSizer;
  execution: ExecutionEngine;
  journal: Journal;
  ledger: OrderLedger;
  cascade: LiquidationCascadeDetector;
  cascadeKeep: number;
  now(): number;
}

/**
 * Turns decisions into orders: step 4 (cut positions when a liquidation cascade turns high) and steps 10–11
 * (size the ensemble's decision, ask the risk manager, submit). Each order is preceded by its decision
 * record. A new order on an instrument replaces any order still working there.
 */
export class OrderPlanner {
  constructor(
    private readonly deps: OrderPlannerDeps,
    private readonly latest: ReadonlyMap<string, Bar>,
    private readonly instruments: ReadonlyMap<string, InstrumentSpec>,
  ) {}

  /**
   * Step 4: a position in an instrument whose cascade risk just turned high is cut to the kept share with a
   * market order (a reduction, so it passes even while trading is halted).
   */
  reduceOnCascade(): void {
    const { portfolio, risk, journal, cascade, cascadeKeep } = this.deps;
    if (!this.anyHeldEnteredHigh()) return;
    const reductions = cascadeReductions(
      portfolio.positions(),
      (id) => cascade.latest(id)?.enteredHigh ?? false,
      cascadeKeep,
      (id) => this.instruments.get(id)?.lotSize ?? 1,
    );
    for (const { instrument, from, to } of reductions) {
      const approval = risk.approve(from, to - from);
      if (!approval.ok) continue;
      const decisionId = journal.recordDecision({
        time: this.deps.now(),
        instrument,
        details: { cascade: cascade.latest(instrument), keep: cascadeKeep, currentQty: from, targetQty: to },
      });
      this.submit(
        {
          instrument,
          side: approval.qty > 0 ? 'buy' : 'sell',
          qty: Math.abs(approval.qty),
          type: 'market',
          timeInForce: 'ioc',
          strategy: 'cascade-guard',
          reason: `liquidation-cascade risk high: keep ${(cascadeKeep * 100).toFixed(0)} % of the position`,
        },
        decisionId,
      );
    }
  }

  /** Whether an instrument with an open position turned high-risk on this bar (most steps: none). */
  private anyHeldEnteredHigh(): boolean {
    for (const id of this.deps.portfolio.heldInstruments())
      if (this.deps.cascade.latest(id)?.enteredHigh === true) return true;
    return false;
  }

  /**
   * Step 10 starts with the sizer's shadow position following the decision at its instrument's latest close
   * (without a bar there is no price: nothing to follow). Returns that bar. Every decision goes through
   * here, those of a warm-up too (Engine.warmUp).
   */
  follow(decision: EnsembleDecision): Bar | undefined {
    const bar = this.latest.get(decision.instrument);
    if (bar) this.deps.sizer.observe(decision, bar.close);
    return bar;
  }

  /**
   * Steps 10–11 for one decision (the sizer observes every one). Returns a refusal reason, or null (ordered,
   * or nothing to do).
   */
  act(decision: EnsembleDecision, step: EnsembleStep, votes: readonly StrategyVote[]): string | null {
    const { portfolio, risk, sizer, journal } = this.deps;
    const bar = this.follow(decision);
    const spec = this.instruments.get(decision.instrument);
    if (!bar || !spec) return `${decision.instrument} is not tradable: no instrument details from the feed`;
    if (bar.settlement !== undefined) return null;
    // What the sizer's targetQty gives without a context: an undecided vote leaves the position (null), a
    // hold targets 0, already the position when there is none. Most decisions are one of these.
    if (decision.outcome !== 'decided') return null;
    const current = portfolio.quantity(decision.instrument);
    if (decision.action === 'hold' && current === 0) return null;
    const equity = portfolio.equity();
    const context: SizingContext = {
      equity,
      price: bar.close,
      lotSize: spec.lotSize,
      currentQty: current,
      breakerMultiplier: risk.breaker.sizeMultiplier(),
      // Only a buy or sell is sized against the exposure cap (the decision is decided by here); a hold does
      // not read the positions.
      positions: decision.action !== 'hold' ? portfolio.notionals() : NO_POSITIONS,
    };
    // The quantity first: most decisions stop here, and the record (notes and all) is built only for an order.
    const targetQty = sizer.targetQty(decision, context);
    if (targetQty === null || targetQty === current) return null;
    // Changes smaller than the smallest position are not worth their commission: keep the position.
    const sameSide = Math.sign(targetQty) === Math.sign(current);
    const change = Math.abs(targetQty - current) * bar.close;
    if (sameSide && targetQty !== 0 && change < risk.minTradeNotional(equity)) return null;
    const approval = risk.approve(current, targetQty - current);
    if (!approval.ok) return approval.reason;
    const target = sizer.target(decision, context);
    // The votes' limit guards an order in the decided direction only. A buy decided on a long that the
    // breaker's multiplier cuts becomes a sell: limited at a bid's price it would accept far below the market.
    const limitPrice = approval.qty > 0 === (decision.action === 'buy') ? limitOf(decision, votes) : null;
    const decisionId = journal.recordDecision({
      time: this.deps.now(),
      instrument: decision.instrument,
      details: {
        vote: {
          method: decision.method,
          action: decision.action,
          confidence: decision.confidence,
          score: decision.score,
          outcome: decision.outcome,
        },
        breakdown: decision.breakdown,
        correlation: { portfolioCorrelation: step.portfolioCorrelation, penalty: step.penalty },
        kelly: target.kelly,
        breakerMultiplier: risk.breaker.sizeMultiplier(),
        sizing: target.sizing,
        exposure: target.exposure,
        note: target.note,
        equity,
        price: bar.close,
        currentQty: current,
        targetQty: target.targetQty,
        orderQty: approval.qty,
        limitPrice,
      },
    });
    const order: OrderRequest = {
      instrument: decision.instrument,
      side: approval.qty > 0 ? 'buy' : 'sell',
      qty: Math.abs(approval.qty),
      type: 'market',
      timeInForce: 'ioc',
      strategy: leadingStrategy(decision),
      reason: `ensemble ${decision.action} ${decision.confidence.toFixed(2)} (${decision.method}); ${target.note}`,
    };
    if (limitPrice !== null) {
      order.type = 'limit';
      order.limitPrice = limitPrice;
      order.timeInForce = 'gtc';
    }
    this.submit(order, decisionId);
    return null;
  }

  private submit(order: OrderRequest, decisionId: number | null): void {
    this.deps.ledger.cancelInstrument(order.instrument);
    this.deps.ledger.submitted(this.deps.execution.submit(order, this.deps.now()), decisionId);
  }
}

/**
 * A limit price for the decision when every vote in the decided direction asked for one (liquidity
 * provision): the least aggressive of them (lowest buy, highest sell). Otherwise null: a market order.
 */
export function limitOf(decision: EnsembleDecision, votes: readonly StrategyVote[]): number | null {
  if (decision.action === 'hold') return null;
  let limit: number | null = null;
  for (const v of votes) {
    if (v.instrument !== decision.instrument || v.action !== decision.action) continue;
    if (v.limitPrice === undefined) return null;
    limit =
      limit === null
        ? v.limitPrice
        : decision.action === 'buy'
          ? Math.min(limit, v.limitPrice)
          : Math.max(limit, v.limitPrice);
  }
  return limit;
}

/**
 * The strategy whose vote contributed most to the decided direction: named on the order. On a hold (its
 * order closes the position) every hold vote's contribution is 0, so the hold voter with the most weight.
 */
export function leadingStrategy(decision: EnsembleDecision): string {
  let best = 'ensemble';
  let most = 0;
  const { action } = decision;
  for (const c of decision.breakdown) {
    const toward =
      action === 'hold'
        ? c.action === 'hold'
          ? c.weight
          : 0
        : action === 'sell'
          ? -c.contribution
          : c.contribution;
    if (toward > most) {
      most = toward;
      best = c.strategyId;
    }
  }
  return best;
}
