import type { z } from 'zod';
import type { Bar } from '../../../src-shared/domain/market';
import type { Signal } from '../../../src-shared/domain/strategy';
import { LiquidityProvisionParamsSchema } from '../../../src-shared/settings/sections/strategy-params/advanced';
import { RollingStdDev, RollingSum } from '../indicators';
import type { MarketSnapshot, StrategyDecision } from '../ports';
import type { StrategyDefinition, StrategyLogic } from './definition';
import { DecisionMemo } from './decision-memo';

type Params = z.output<typeof LiquidityProvisionParamsSchema>;

interface QuoteState {
  readonly returns: RollingStdDev;
  readonly signedVolume: RollingSum;
  readonly volume: RollingSum;
  previousClose: number;
  /** The strategy's own inventory estimate: +1 long, −1 short, 0 flat (before its first fill). */
  inventory: -1 | 0 | 1;
  /** The quote of the previous step (0: none) and its limit price. */
  quoteSide: -1 | 0 | 1;
  quoteLimit: number;
}

// Constant reasons: the quote's price is in limitPrice, and building a string per bar would dominate the
// strategy's cost.
const QUOTE_LONG = 'long inventory: quote the ask';
const QUOTE_SHORT = 'short inventory: quote the bid';
const QUOTE_FLAT_BID = 'flat, order flow buying (or balanced): quote the bid';
const QUOTE_FLAT_ASK = 'flat, order flow selling: quote the ask';

/**
 * Liquidity provision, expressed in the voting model (one action per instrument per step) as a one-sided
 * quote that alternates with the strategy's inventory. Per configured instrument, with mid m = the bar's
 * close (bars carry no book), σ = σ of 1-bar log returns over `volatilityWindow` bars and the instrument's
 * maker fee f:
 *   half-spread h = f + max(minEdge, volatilityMultiple × σ),
 *   bid = m × (1 − h − skew × q), ask = m × (1 + h − skew × q),
 * q ∈ {−1, 0, +1} its inventory estimate. Long (q = +1): a sell signal with limitPrice = ask (nearer the
 * mid by the skew); short: a buy signal with limitPrice = bid; flat (before the first fill): the side of the
 * order-flow imbalance I = Σ v·(close − open)/(high − low) / Σ v over `imbalanceWindow` bars (I ≥ 0 the
 * bid, else the ask: quoting with the flow rather than against informed traders). Every signal has the
 * fixed `confidence` and a limitPrice, so the ensemble sends limit orders worked against the book. A bid
 * that would not be positive (h + skew ≥ 1, extreme volatility) is a `hold` instead.
 *
 * The inventory is the strategy's own estimate from its past quotes: a bid counts as filled when the next
 * bar trades through it (low < bid) or opens at or below it, an ask likewise (high > ask or open ≥ ask), the
 * execution engine's rule for a resting or a marketable limit. It does not see real fills: a quote
 * outvoted by the ensemble, refused by risk or filled only in part still moves the estimate. Because the
 * engine reads a signal as a target position, a filled ask turns a long into a short (not flat): the
 * strategy alternates between one quote size long and short, earning the distance between its fills.
 * Abstains on instruments not configured or not in the slice, and while warming up (volatilityWindow + 1
 * and imbalanceWindow bars). O(1) per bar.
 */
class LiquidityProvision implements StrategyLogic {
  /** This step's signals; an unchanged abstention (or the same signals) reuses the previous decision. */
  private readonly decisions = new DecisionMemo();
  private readonly states = new Map<string, QuoteState>();
  private readonly configured: ReadonlySet<string>;

  constructor(private readonly params: Params) {
    this.configured = new Set(params.instruments);
  }

  evaluate(snapshot: MarketSnapshot): StrategyDecision {
    const decisions = this.decisions;
    decisions.begin();
    let reason = 'no configured instrument in this slice';
    for (const bar of snapshot.slice.bars) {
      if (!this.configured.has(bar.instrument)) continue;
      const spec = snapshot.instruments.get(bar.instrument);
      if (!spec) {
        reason = `no instrument spec for ${bar.instrument}`;
        continue;
      }
      const state = this.stateOf(bar.instrument);
      this.account(state, bar);
      const signal = this.quote(state, bar, spec.makerFee);
      if (signal) decisions.add(signal);
      else reason = `warming up: ${state.returns.moments.count}/${this.params.volatilityWindow} returns`;
    }
    return decisions.end(reason);
  }

  /** Books the previous quote's fill (by this bar, the one it was worked on) and updates the statistics. */
  private account(state: QuoteState, bar: Bar): void {
    const limit = state.quoteLimit;
    if (state.quoteSide === 1 && (bar.low < limit || bar.open <= limit)) state.inventory = 1;
    else if (state.quoteSide === -1 && (bar.high > limit || bar.open >= limit)) state.inventory = -1;
    if (state.previousClose > 0) state.returns.update(Math.log(bar.close / state.previousClose));
    state.previousClose = bar.close;
    const range = bar.high - bar.low;
    state.signedVolume.push(range > 0 ? (bar.volume * (bar.close - bar.open)) / range : 0);
    state.volume.push(bar.volume);
  }

  private quote(state: QuoteState, bar: Bar, makerFee: number): Signal | null {
    state.quoteSide = 0;
    const p = this.params;
    if (!state.returns.ready || !state.volume.full) return null;
    const halfSpread = makerFee + Math.max(p.minEdge, p.volatilityMultiple * state.returns.value);
    const q = state.inventory;
    const mid = bar.close;
    let side: -1 | 1;
    let why: string;
    if (q === 1) {
      side = -1;
      why = QUOTE_LONG;
    } else if (q === -1) {
      side = 1;
      why = QUOTE_SHORT;
    } else {
      const total = state.volume.sum;
      const imbalance = total > 0 ? state.signedVolume.sum / total : 0;
      side = imbalance >= 0 ? 1 : -1;
      why = side === 1 ? QUOTE_FLAT_BID : QUOTE_FLAT_ASK;
    }
    const skew = p.inventorySkew * q;
    const limitPrice = side === 1 ? mid * (1 - halfSpread - skew) : mid * (1 + halfSpread - skew);
    if (!(limitPrice > 0)) {
      // A half-spread of 100 % or more (extreme volatility × multiple) leaves no bid to post.
      return {
        instrument: bar.instrument,
        action: 'hold',
        confidence: 0,
        reason: `half-spread ${(halfSpread * 100).toFixed(1)} % leaves no positive bid`,
      };
    }
    state.quoteSide = side;
    state.quoteLimit = limitPrice;
    return {
      instrument: bar.instrument,
      action: side === 1 ? 'buy' : 'sell',
      confidence: p.confidence,
      reason: why,
      limitPrice,
    };
  }

  private stateOf(instrument: string): QuoteState {
    let state = this.states.get(instrument);
    if (!state) {
      const p = this.params;
      state = {
        returns: new RollingStdDev(p.volatilityWindow),
        signedVolume: new RollingSum(p.imbalanceWindow),
        volume: new RollingSum(p.imbalanceWindow),
        previousClose: NaN,
        inventory: 0,
        quoteSide: 0,
        quoteLimit: NaN,
      };
      this.states.set(instrument, state);
    }
    return state;
  }
}

export const liquidityProvision: StrategyDefinition<typeof LiquidityProvisionParamsSchema> = {
  id: 'liquidity-provision',
  name: 'Liquidity Provision',
  category: 'advanced',
  rule:
    'Quote one side with a limit order around the mid, the half-spread covering the maker fee and ' +
    'volatility: the ask when its inventory is long, the bid when short, the order-flow side when flat.',
  needs: ['ohlcv'],
  params: LiquidityProvisionParamsSchema,
  create: (params) => new LiquidityProvision(params),
};
