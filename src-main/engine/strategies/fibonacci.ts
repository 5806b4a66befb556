import type { z } from 'zod';
import type { Bar, InstrumentSpec } from '../../../src-shared/domain/market';
import { FibonacciParamsSchema } from '../../../src-shared/settings/sections/strategy-params/base-a';
import type { SwingPoints } from '../indicators';
import type { StrategyDefinition } from './definition';
import { PerInstrumentLogic, type Verdict } from './base-a/per-instrument';
import { SharedIndicators, type OncePerBar } from './shared-indicators';

type Params = z.output<typeof FibonacciParamsSchema>;

/** Retracement ratios, deepest first: a bar touching two levels is judged at the deeper one. */
const RATIOS = [0.618, 0.5, 0.382] as const;
const TARGET_REACHED = 'target (the leg’s end) reached: position closed';
const STOP_CROSSED = 'stop (the leg’s start) crossed: position closed';
const percent = (ratio: number) => `${(ratio * 100).toFixed(1)} %`;
/** Entry reasons per ratio, made once (formatting prices per entry would cost more than the rule). */
const BOUGHT = RATIOS.map((r) => `up-leg: pullback held the ${percent(r)} retracement`);
const SOLD = RATIOS.map((r) => `down-leg: rally held below the ${percent(r)} retracement`);
const NO_LEG = 'no swing leg (the latest high and low on one bar): no position';
const BROKEN = 'the leg’s start was broken: waiting for a new swing point';
const NO_PULLBACK = 'up-leg: no pullback holding a level';
const NO_RALLY = 'down-leg: no rally holding below a level';

interface State {
  /** Shared with elliott-wave when its swing parameters are equal (SWING_PIVOTS_KEPT pivots kept). */
  readonly swings: OncePerBar<SwingPoints>;
  /** The latest confirmed swing high and low and their bar numbers (NaN before both exist). */
  high: number;
  highIndex: number;
  low: number;
  lowIndex: number;
  /** A close beyond the leg's start since the leg was set: no entries on it. */
  broken: boolean;
  /** +1 long, −1 short, 0 flat; target and stop of the open position (its leg's end and start). */
  position: number;
  target: number;
  stop: number;
  /** Why the position was taken. */
  reason: string;
}

/**
 * Fibonacci retracements of the latest swing leg. The leg runs between the latest confirmed swing high H
 * and swing low L (SwingPoints(swingLeft, swingRight): confirmed swingRight bars later, no look-ahead): up
 * when L came first, down when H did. Levels of an up-leg: H − r·(H − L) for r = 38.2 %, 50 %, 61.8 %; of
 * a down-leg: L + r·(H − L). With tol = tolerance·(H − L), a pullback holds at a level when, in an up-leg,
 * the bar's low is within ±tol of the level and it closes above the level and below H: buy, with target H
 * and stop L. In a down-leg, the bar's high within ±tol of a level and a close below it and above L: sell,
 * with target L and stop H. Of two levels touched, the deeper one is used. The position is kept until the
 * close reaches the target or crosses the stop (then hold); a close beyond the leg's start (below L in an
 * up-leg, above H in a down-leg) voids the leg until a new swing point is confirmed.
 * Confidence = the share of the leg still to go to the target: (H − close)/(H − L) long, (close − L)/(H − L)
 * short. Abstains until a swing high and a swing low have both been confirmed.
 */
class Fibonacci extends PerInstrumentLogic<State> {
  constructor(
    private readonly params: Params,
    private readonly shared: SharedIndicators,
  ) {
    super(params.assetClasses);
  }

  protected createState(spec: InstrumentSpec): State {
    return {
      swings: this.shared.swings(spec.id, this.params.swingLeft, this.params.swingRight),
      high: NaN,
      highIndex: NaN,
      low: NaN,
      lowIndex: NaN,
      broken: false,
      position: 0,
      target: NaN,
      stop: NaN,
      reason: '',
    };
  }

  protected step(state: State, bar: Bar): Verdict {
    if (state.swings.update(bar) > 0) this.readLeg(state);
    if (Number.isNaN(state.highIndex) || Number.isNaN(state.lowIndex)) {
      return 'no confirmed swing high and swing low yet';
    }
    const close = bar.close;
    const up = state.lowIndex < state.highIndex;
    if (up ? close < state.low : close > state.high) state.broken = true;
    // Reasons with numbers are formatted on entries and exits only (formatting costs more than the rule).
    if (state.position !== 0) {
      const long = state.position > 0;
      const reached = long ? close >= state.target : close <= state.target;
      const stopped = long ? close < state.stop : close > state.stop;
      if (reached || stopped) {
        state.position = 0;
        return this.signal(bar.instrument, 'hold', 0, reached ? TARGET_REACHED : STOP_CROSSED);
      }
    }
    if (state.position === 0) {
      const flat = this.enter(state, bar, up);
      if (flat !== null) return this.signal(bar.instrument, 'hold', 0, flat);
    }
    const toGo = state.position > 0 ? state.target - close : close - state.target;
    const range = state.position > 0 ? state.target - state.stop : state.stop - state.target;
    return this.signal(bar.instrument, state.position > 0 ? 'buy' : 'sell', toGo / range, state.reason);
  }

  /**
   * Takes the latest swing high and low as the leg (reads the kept pivots in place). A kind
   * no longer among the pivots kept (more of the other kind in a row) keeps the value read when it was
   * confirmed: every confirming bar is read, so that value is still the latest of its kind.
   */
  private readLeg(state: State): void {
    const swings = state.swings.indicator;
    const high = swings.latestOf('high');
    const low = swings.latestOf('low');
    if (high >= 0) {
      state.high = swings.priceAt(high);
      state.highIndex = swings.indexAt(high);
    }
    if (low >= 0) {
      state.low = swings.priceAt(low);
      state.lowIndex = swings.indexAt(low);
    }
    state.broken = false;
  }

  /** Opens a position when the bar's pullback holds at a level; otherwise returns why it did not. */
  private enter(state: State, bar: Bar, up: boolean): string | null {
    const { high, low } = state;
    const range = high - low;
    if (state.lowIndex === state.highIndex || !(range > 0)) return NO_LEG;
    if (state.broken) return BROKEN;
    const tolerance = this.params.tolerance * range;
    for (let k = 0; k < RATIOS.length; k++) {
      const ratio = RATIOS[k]!;
      const level = up ? high - ratio * range : low + ratio * range;
      const touched = Math.abs((up ? bar.low : bar.high) - level) <= tolerance;
      if (!touched) continue;
      if (up ? bar.close > level && bar.close < high : bar.close < level && bar.close > low) {
        state.position = up ? 1 : -1;
        state.target = up ? high : low;
        state.stop = up ? low : high;
        state.reason = up ? BOUGHT[k]! : SOLD[k]!;
        return null;
      }
    }
    return up ? NO_PULLBACK : NO_RALLY;
  }
}

export const fibonacci: StrategyDefinition<typeof FibonacciParamsSchema> = {
  id: 'fibonacci',
  name: 'Fibonacci',
  category: 'base',
  rule: 'Buy a pullback that holds at the 38.2, 50 or 61.8 % retracement of the latest swing up-leg (sell the mirror in a down-leg), targeting the leg’s end with a stop at its start.',
  needs: ['ohlcv'],
  params: FibonacciParamsSchema,
  create: (params, shared = new SharedIndicators()) => new Fibonacci(params, shared),
};
