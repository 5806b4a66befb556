import type { z } from 'zod';
import type { Bar } from '../../../src-shared/domain/market';
import type { Signal } from '../../../src-shared/domain/strategy';
import { LiquidationFlowParamsSchema } from '../../../src-shared/settings/sections/strategy-params/advanced';
import { RollingStdDev } from '../indicators';
import type { MarketSnapshot, StrategyDecision } from '../ports';
import type { StrategyDefinition, StrategyLogic } from './definition';
import { DecisionMemo } from './decision-memo';

type Params = z.output<typeof LiquidationFlowParamsSchema>;

/** `watching`: a burst closed on the previous bar, so this bar decides rebound, continuation or neither. */
type Phase = 'idle' | 'watching' | 'positioned';

interface FlowState {
  /** Liquidated share of open interest, and 1-bar log returns, over the baseline window. */
  readonly shares: RollingStdDev;
  readonly returns: RollingStdDev;
  previousClose: number;
  /** Bars seen, for the warm-up message. */
  bars: number;
  phase: Phase;
  /** The burst: its liquidated share, z and the direction it pushed price (−1 longs, +1 shorts). */
  burstShare: number;
  burstZ: number;
  burstDirection: 1 | -1;
  /** The position: direction, confidence, bars left and its reason. */
  direction: 1 | -1;
  confidence: number;
  barsLeft: number;
  reason: string;
}

const HOLD_IDLE = 'no liquidation burst';
const HOLD_WATCHING = 'liquidation burst: waiting one bar for rebound or continuation';
const HOLD_UNDECIDED = 'after the burst neither exhaustion nor a continuing cascade: no position';
const HOLD_DONE = 'holding period over';

/**
 * Liquidation flow: trades the rebound or the continuation after a liquidation burst, per instrument with
 * liquidation data and open interest.
 *
 * share_t = (long + short liquidated notional) / (openInterest_t + that notional), the share of the bar's
 * opening open interest liquidated. z_t = (share_t − μ) / σ against the previous `baselineWindow` bars
 * (population σ; σ = 0 counts as z = +∞ above the mean, else 0). A burst is z_t > burstZ; it pushed price
 * d = −1 when more longs than shorts were liquidated (forced selling), +1 otherwise. On the next bar (t + 1),
 * with r = ln(close_{t+1} / close_t) and σ₁ the σ of 1-bar log returns over the baseline:
 * - continuation when the cascade assessment of t + 1 exists, is past warm-up, scores ≥ continuationScore
 *   and d·r > 0 (price still moving the burst's way): trade d, confidence min(1, z_t / (2·burstZ)) × score;
 * - else rebound when share_{t+1} ≤ exhaustionRatio × share_t and d·r ≤ stabiliseSigmas × σ₁ (liquidations
 *   dried up, price stopped extending): trade −d, confidence min(1, z_t / (2·burstZ)) × (1 − share_{t+1} /
 *   share_t);
 * - else, if t + 1 is itself a burst, it becomes the burst watched; otherwise `hold`.
 * A position is signalled for `holdBars` bars (the decision bar included), then `hold`. Without a burst the
 * view is `hold`. Instruments without liquidations or open interest get no signal; it abstains while every
 * instrument with the data warms up (first decision on bar baselineWindow + 2) or when none has it.
 * Without a cascade assessment (e.g. outside the engine) only rebounds can be called. A new burst while a
 * position is held is not watched (the loop's own cascade guard cuts positions when a cascade turns high).
 * O(1) per bar.
 */
class LiquidationFlow implements StrategyLogic {
  /** This step's signals; an unchanged abstention (or the same signals) reuses the previous decision. */
  private readonly decisions = new DecisionMemo();
  private readonly states = new Map<string, FlowState>();

  constructor(private readonly params: Params) {}

  evaluate(snapshot: MarketSnapshot): StrategyDecision {
    const decisions = this.decisions;
    decisions.begin();
    let reason = 'no instrument with liquidation data and open interest';
    for (const bar of snapshot.slice.bars) {
      if (bar.liquidations === undefined || bar.openInterest === undefined) continue;
      const state = this.stateOf(bar.instrument);
      const signal = this.step(state, bar, snapshot);
      if (signal) decisions.add(signal);
      else reason = `warming up: ${state.bars}/${this.params.baselineWindow + 2} bars`;
    }
    return decisions.end(reason);
  }

  private step(state: FlowState, bar: Bar, snapshot: MarketSnapshot): Signal | null {
    state.bars += 1;
    const liquidated = bar.liquidations!.longNotional + bar.liquidations!.shortNotional;
    const before = bar.openInterest! + liquidated;
    const share = before > 0 ? liquidated / before : 0;
    const ready = state.shares.ready && state.returns.ready;
    const z = ready ? zAgainst(share, state.shares) : NaN;
    const logReturn = state.previousClose > 0 ? Math.log(bar.close / state.previousClose) : NaN;
    const sigma = state.returns.value;
    const signal = ready ? this.decideBar(state, bar, share, z, logReturn, sigma, snapshot) : null;
    if (Number.isFinite(share)) state.shares.update(share);
    if (Number.isFinite(logReturn)) state.returns.update(logReturn);
    state.previousClose = bar.close;
    return signal;
  }

  private decideBar(
    state: FlowState,
    bar: Bar,
    share: number,
    z: number,
    logReturn: number,
    sigma: number,
    snapshot: MarketSnapshot,
  ): Signal {
    const instrument = bar.instrument;
    const p = this.params;
    if (state.phase === 'positioned') {
      state.barsLeft -= 1;
      if (state.barsLeft > 0) return this.positionSignal(state, instrument);
      state.phase = 'idle';
      return hold(instrument, HOLD_DONE);
    }
    if (state.phase === 'watching') {
      const d = state.burstDirection;
      const strength = Math.min(1, state.burstZ / (2 * p.burstZ));
      const cascade = snapshot.cascade(instrument);
      if (
        cascade !== undefined &&
        !cascade.warmingUp &&
        cascade.score >= p.continuationScore &&
        d * logReturn > 0
      ) {
        return this.open(
          state,
          instrument,
          d,
          strength * cascade.score,
          `continuation: cascade score ${cascade.score.toFixed(2)}`,
        );
      }
      const exhausted = share <= p.exhaustionRatio * state.burstShare;
      if (exhausted && d * logReturn <= p.stabiliseSigmas * sigma) {
        const ratio = state.burstShare > 0 ? share / state.burstShare : 0;
        return this.open(
          state,
          instrument,
          d === 1 ? -1 : 1,
          strength * (1 - ratio),
          `rebound: liquidations at ${(ratio * 100).toFixed(1)} % of the burst`,
        );
      }
      state.phase = 'idle';
      if (!(z > p.burstZ)) return hold(instrument, HOLD_UNDECIDED);
    }
    if (z > p.burstZ) {
      state.phase = 'watching';
      state.burstShare = share;
      state.burstZ = z;
      const { longNotional, shortNotional } = bar.liquidations!;
      state.burstDirection = longNotional > shortNotional ? -1 : 1;
      return hold(instrument, HOLD_WATCHING);
    }
    return hold(instrument, HOLD_IDLE);
  }

  private open(
    state: FlowState,
    instrument: string,
    direction: 1 | -1,
    confidence: number,
    why: string,
  ): Signal {
    const side = state.burstDirection === -1 ? 'long' : 'short';
    state.phase = 'positioned';
    state.direction = direction;
    state.confidence = Math.min(1, Math.max(0, confidence));
    state.barsLeft = this.params.holdBars;
    // A burst above a flat baseline has z = +∞ (see zAgainst): said in words, not as "Infinity".
    const z = Number.isFinite(state.burstZ) ? state.burstZ.toFixed(1) : '∞, flat baseline';
    state.reason = `${why} after a ${side} liquidation burst (z ${z})`;
    return this.positionSignal(state, instrument);
  }

  private positionSignal(state: FlowState, instrument: string): Signal {
    return {
      instrument,
      action: state.direction === 1 ? 'buy' : 'sell',
      confidence: state.confidence,
      reason: state.reason,
    };
  }

  private stateOf(instrument: string): FlowState {
    let state = this.states.get(instrument);
    if (!state) {
      const window = this.params.baselineWindow;
      state = {
        shares: new RollingStdDev(window),
        returns: new RollingStdDev(window),
        previousClose: NaN,
        bars: 0,
        phase: 'idle',
        burstShare: 0,
        burstZ: 0,
        burstDirection: 1,
        direction: 1,
        confidence: 0,
        barsLeft: 0,
        reason: '',
      };
      this.states.set(instrument, state);
    }
    return state;
  }
}

/** z of x against a ready window: (x − μ) / σ; a flat window gives +∞ above its mean, else 0. */
function zAgainst(x: number, window: RollingStdDev): number {
  const sigma = window.value;
  if (sigma > 0) return (x - window.mean) / sigma;
  return x > window.mean ? Infinity : 0;
}

function hold(instrument: string, reason: string): Signal {
  return { instrument, action: 'hold', confidence: 0, reason };
}

export const liquidationFlow: StrategyDefinition<typeof LiquidationFlowParamsSchema> = {
  id: 'liquidation-flow',
  name: 'Liquidation Flow',
  category: 'advanced',
  rule:
    'After a burst of liquidations, trade the rebound when the next bar’s liquidations dry up and price ' +
    'stops extending, or the continuation when the cascade score stays high.',
  needs: ['liquidations'],
  params: LiquidationFlowParamsSchema,
  create: (params) => new LiquidationFlow(params),
};
