import type { z } from 'zod';
import type { Bar } from '../../../src-shared/domain/market';
import { FibonacciParamsSchema } from '../../../src-shared/settings/sections/strategy-params/base-a';
import { SwingPoints } from '../indicators';
import type { StrategyDefinition } from './definition';
import { PerInstrumentLogic, signal, type Verdict } from './base-a/per-instrument';

type Params = z.output<typeof FibonacciParamsSchema>;

/** Retracement ratios, deepest first: a bar touching two levels is judged at the deeper one. */
const RATIOS = [0.618, 0.5, 0.382] as const;
/** Pivots kept by the detector: only the latest high and low are used. */
const PIVOTS_KEPT = 8;

interface State {
  readonly swings: SwingPoints;
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
  constructor(private readonly params: Params) {
    super(params.assetClasses);
  }

  protected createState(): State {
    return {
      swings: new SwingPoints(this.params.swingLeft, this.params.swingRight, PIVOTS_KEPT),
      high: NaN,
      highIndex: NaN,
      low: NaN,
      lowIndex: NaN,
      broken: false,
      position: 0,
      target: NaN,
      stop: NaN,
    };
  }

  protected step(state: State, bar: Bar): Verdict {
    if (state.swings.update(bar.high, bar.low, bar.time) > 0) this.readLeg(state);
    if (Number.isNaN(state.highIndex) || Number.isNaN(state.lowIndex)) {
      return 'no confirmed swing high and swing low yet';
    }
    const close = bar.close;
    const up = state.lowIndex < state.highIndex;
    if (up ? close < state.low : close > state.high) state.broken = true;
    let reason = '';
    if (state.position === 1 && (close >= state.target || close < state.stop)) {
      reason = close >= state.target ? `target ${state.target} reached` : `stop ${state.stop} crossed`;
      state.position = 0;
    } else if (state.position === -1 && (close <= state.target || close > state.stop)) {
      reason = close <= state.target ? `target ${state.target} reached` : `stop ${state.stop} crossed`;
      state.position = 0;
    } else if (state.position === 0) {
      reason = this.enter(state, bar);
    }
    if (state.position === 0) return signal(bar.instrument, 'hold', 0, reason);
    const range = state.position > 0 ? state.target - state.stop : state.stop - state.target;
    const toGo = state.position > 0 ? state.target - close : close - state.target;
    if (reason === '') reason = `retracement position kept: target ${state.target}, stop ${state.stop}`;
    return signal(bar.instrument, state.position > 0 ? 'buy' : 'sell', toGo / range, reason);
  }

  /** Takes the latest swing high and low as the leg (allocates only on a bar that confirmed a pivot). */
  private readLeg(state: State): void {
    const high = state.swings.latest('high');
    const low = state.swings.latest('low');
    if (!high || !low) return;
    state.high = high.price;
    state.highIndex = high.index;
    state.low = low.price;
    state.lowIndex = low.index;
    state.broken = false;
  }

  /** Opens a position when the bar's pullback holds at a level; returns the reason of the verdict. */
  private enter(state: State, bar: Bar): string {
    const { high, low } = state;
    const range = high - low;
    const up = state.lowIndex < state.highIndex;
    if (state.lowIndex === state.highIndex || !(range > 0)) return 'no swing leg (high and low on one bar)';
    const leg = `${up ? 'up' : 'down'}-leg ${up ? low : high}→${up ? high : low}`;
    if (state.broken) return `${leg} broken: waiting for a new swing point`;
    const tolerance = this.params.tolerance * range;
    for (const ratio of RATIOS) {
      if (up) {
        const level = high - ratio * range;
        if (Math.abs(bar.low - level) <= tolerance && bar.close > level && bar.close < high) {
          state.position = 1;
          state.target = high;
          state.stop = low;
          return `${leg}: pullback held the ${(ratio * 100).toFixed(1)} % level ${level.toFixed(4)}`;
        }
      } else {
        const level = low + ratio * range;
        if (Math.abs(bar.high - level) <= tolerance && bar.close < level && bar.close > low) {
          state.position = -1;
          state.target = low;
          state.stop = high;
          return `${leg}: rally held below the ${(ratio * 100).toFixed(1)} % level ${level.toFixed(4)}`;
        }
      }
    }
    return `${leg}: no pullback holding a level`;
  }
}

export const fibonacci: StrategyDefinition<typeof FibonacciParamsSchema> = {
  id: 'fibonacci',
  name: 'Fibonacci',
  category: 'base',
  rule: 'Buy a pullback that holds at the 38.2, 50 or 61.8 % retracement of the latest swing up-leg (sell the mirror in a down-leg), targeting the leg’s end with a stop at its start.',
  needs: ['ohlcv'],
  params: FibonacciParamsSchema,
  create: (params) => new Fibonacci(params),
};
