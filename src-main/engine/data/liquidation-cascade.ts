import type { Bar } from '../../../src-shared/domain/market';
import { RollingStats } from './rolling-stats';

export interface CascadeOptions {
  /** Bars in the rolling baselines of liquidation notional and of 1-bar log returns. */
  baselineWindow: number;
  /** Bars over which price velocity and order-flow imbalance are measured. */
  velocityWindow: number;
  /** Bars an instrument needs before it is assessed (and baseline values before a component counts). */
  minObservations: number;
  /** z of liquidation notional against its baseline at which that component reaches 1. */
  liquidationZAtMax: number;
  /** Price velocity, in baseline σ, at which that component reaches 1 (1 σ gives 0). */
  velocityAtMax: number;
  /** |imbalance| below which order flow counts as balanced (component 0). */
  imbalanceFloor: number;
  weights: { liquidations: number; velocity: number; imbalance: number };
  /** Score at or above which the level is `elevated`. */
  elevatedThreshold: number;
  /** Score at or above which the level is `high` (settings: risk.liquidationCascade.highRiskThreshold). */
  highThreshold: number;
}

export type CascadeLevel = 'low' | 'elevated' | 'high';

/** The cascade risk of an instrument after its latest bar; one object per instrument, updated in place. */
export interface CascadeAssessment {
  readonly instrument: string;
  time: number;
  /** 0–1: the weighted mean of the available components. */
  score: number;
  level: CascadeLevel;
  /** The level turned `high` on this bar (the loop reduces positions once per episode). */
  enteredHigh: boolean;
  /** Fewer than `minObservations` bars so far: level `low`, score 0. */
  warmingUp: boolean;
  /** Components 0–1; NaN when unavailable (no liquidation data, or its baseline still warming up). */
  liquidations: number;
  velocity: number;
  imbalance: number;
}

interface CascadeState {
  readonly view: CascadeAssessment;
  readonly liquidationBaseline: RollingStats;
  readonly returnBaseline: RollingStats;
  /** The last velocityWindow + 1 closes and the last velocityWindow signed and total volumes. */
  readonly closes: Float64Array;
  readonly signedVolumes: Float64Array;
  readonly volumes: Float64Array;
  bars: number;
}

const clamp01 = (x: number): number => (x < 0 ? 0 : x > 1 ? 1 : x);

/**
 * Liquidation-cascade detector, per instrument, O(1) per bar (velocityWindow is a small constant):
 * - liquidations: L = long + short liquidated notional of the bar; c_L = clamp(z_L / liquidationZAtMax)
 *   with z_L against the previous `baselineWindow` bars (a flat baseline gives 1 if L exceeds it, else 0);
 * - velocity: v = |ln(close_t / close_{t−k})| / (σ₁ · √k), σ₁ the baseline σ of 1-bar log returns,
 *   k = velocityWindow; c_V = clamp((v − 1) / (velocityAtMax − 1));
 * - imbalance: signed volume s = volume · (close − open) / (high − low) (0 when high = low), over the last
 *   k bars I = Σs / Σvolume ∈ [−1, 1]; c_I = clamp((|I| − floor) / (1 − floor)) when I has the sign of the
 *   price move over the window (flow pushing price), else 0.
 * score = Σ wᵢ·cᵢ / Σ wᵢ over the available components; `high` at ≥ highThreshold, `elevated` at ≥
 * elevatedThreshold, else `low`. Without liquidation data the score rests on velocity and imbalance.
 */
export class LiquidationCascadeDetector {
  private readonly states = new Map<string, CascadeState>();

  constructor(private readonly options: CascadeOptions) {
    if (!(options.elevatedThreshold < options.highThreshold))
      throw new RangeError('the elevated threshold must be below the high threshold');
    if (!(options.velocityAtMax > 1)) throw new RangeError('velocityAtMax must exceed 1');
    if (!(options.imbalanceFloor >= 0 && options.imbalanceFloor < 1))
      throw new RangeError('imbalanceFloor must be in [0, 1)');
    if (!(Number.isInteger(options.velocityWindow) && options.velocityWindow >= 1))
      throw new RangeError('velocityWindow must be a whole number ≥ 1');
  }

  /** Assesses a validated bar (in time order per instrument). */
  update(bar: Bar): CascadeAssessment {
    const state = this.stateOf(bar.instrument);
    const { view } = state;
    const o = this.options;
    const k = o.velocityWindow;
    const previousLevel = view.level;
    const previousClose = state.bars > 0 ? state.closes[(state.bars - 1) % (k + 1)]! : NaN;

    state.closes[state.bars % (k + 1)] = bar.close;
    const span = bar.high - bar.low;
    state.signedVolumes[state.bars % k] = span > 0 ? (bar.volume * (bar.close - bar.open)) / span : 0;
    state.volumes[state.bars % k] = bar.volume;
    state.bars += 1;

    view.time = bar.time;
    view.liquidations = this.liquidationComponent(state, bar);
    const windowStart = state.bars > k ? state.closes[state.bars % (k + 1)]! : NaN;
    view.velocity = this.velocityComponent(state, bar.close, windowStart);
    view.imbalance = this.imbalanceComponent(state, bar.close, windowStart);
    if (state.bars > 1) state.returnBaseline.push(Math.log(bar.close / previousClose));

    view.warmingUp = state.bars < o.minObservations;
    let weighted = 0;
    let weights = 0;
    if (!Number.isNaN(view.liquidations)) {
      weighted += o.weights.liquidations * view.liquidations;
      weights += o.weights.liquidations;
    }
    if (!Number.isNaN(view.velocity)) {
      weighted += o.weights.velocity * view.velocity;
      weights += o.weights.velocity;
    }
    if (!Number.isNaN(view.imbalance)) {
      weighted += o.weights.imbalance * view.imbalance;
      weights += o.weights.imbalance;
    }
    view.score = view.warmingUp || weights === 0 ? 0 : weighted / weights;
    view.level =
      view.score >= o.highThreshold ? 'high' : view.score >= o.elevatedThreshold ? 'elevated' : 'low';
    view.enteredHigh = view.level === 'high' && previousLevel !== 'high';
    return view;
  }

  /** The latest assessment of an instrument, or undefined before its first bar. */
  latest(instrument: string): CascadeAssessment | undefined {
    return this.states.get(instrument)?.view;
  }

  private liquidationComponent(state: CascadeState, bar: Bar): number {
    if (bar.liquidations === undefined) return NaN;
    const notional = bar.liquidations.longNotional + bar.liquidations.shortNotional;
    const baseline = state.liquidationBaseline;
    let component = NaN;
    if (baseline.count >= this.options.minObservations) {
      component = baseline.isFlat()
        ? notional > baseline.mean()
          ? 1
          : 0
        : clamp01(baseline.zScore(notional) / this.options.liquidationZAtMax);
    }
    if (Number.isFinite(notional)) baseline.push(notional);
    return component;
  }

  private velocityComponent(state: CascadeState, close: number, windowStart: number): number {
    const baseline = state.returnBaseline;
    if (Number.isNaN(windowStart) || baseline.count < this.options.minObservations || baseline.isFlat())
      return NaN;
    const k = this.options.velocityWindow;
    const velocity = Math.abs(Math.log(close / windowStart)) / (baseline.std() * Math.sqrt(k));
    return clamp01((velocity - 1) / (this.options.velocityAtMax - 1));
  }

  private imbalanceComponent(state: CascadeState, close: number, windowStart: number): number {
    if (Number.isNaN(windowStart)) return NaN;
    let signed = 0;
    let total = 0;
    for (let i = 0; i < this.options.velocityWindow; i++) {
      signed += state.signedVolumes[i]!;
      total += state.volumes[i]!;
    }
    const imbalance = total > 0 ? signed / total : 0;
    const move = close - windowStart;
    if (imbalance === 0 || move === 0 || Math.sign(imbalance) !== Math.sign(move)) return 0;
    const floor = this.options.imbalanceFloor;
    return clamp01((Math.abs(imbalance) - floor) / (1 - floor));
  }

  private stateOf(instrument: string): CascadeState {
    let state = this.states.get(instrument);
    if (state === undefined) {
      const { baselineWindow, velocityWindow } = this.options;
      state = {
        view: {
          instrument,
          time: NaN,
          score: 0,
          level: 'low',
          enteredHigh: false,
          warmingUp: true,
          liquidations: NaN,
          velocity: NaN,
          imbalance: NaN,
        },
        liquidationBaseline: new RollingStats(baselineWindow),
        returnBaseline: new RollingStats(baselineWindow),
        closes: new Float64Array(velocityWindow + 1),
        signedVolumes: new Float64Array(velocityWindow),
        volumes: new Float64Array(velocityWindow),
        bars: 0,
      };
      this.states.set(instrument, state);
    }
    return state;
  }
}
