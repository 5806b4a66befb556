import { boundedWeights, type BoundsRelaxation } from './bounded-weights';
import { RollingWindow } from './rolling-window';

export interface AllocationConfig {
  strategyCount: number;
  /** Per-bar returns each strategy's Sharpe ratio is measured over. */
  sharpeWindow: number;
  /** α in smoothed = α · previous + (1 − α) · current. */
  smoothingAlpha: number;
  minWeight: number;
  maxWeight: number;
  /** Engine time between rebalances. */
  rebalanceIntervalMs: number;
}

/** What the last rebalance decided, for the decision record and the UI. */
export interface AllocationSnapshot {
  /** Engine time of the last rebalance, or null before the first. */
  rebalancedAt: number | null;
  weights: Float64Array;
  /** Per-bar Sharpe ratio of each strategy at the last rebalance. */
  sharpe: Float64Array;
  smoothedSharpe: Float64Array;
  relaxed: BoundsRelaxation;
}

/**
 * Sharpe ratio of per-bar returns: mean / sample standard deviation, not annualised. Annualising
 * multiplies every strategy's ratio by the same √(bars per year); the smoothing is linear and the weights
 * are proportional, so the factor cancels. 0 when there are fewer than two returns or they do not vary
 * (no evidence of risk-adjusted skill either way).
 */
export function sharpeRatio(mean: number, variance: number, count: number): number {
  if (count < 2 || !(variance > 0)) return 0;
  return mean / Math.sqrt(variance);
}

/**
 * The spec's adaptive allocation (section 5). Each bar, `recordReturn` adds every strategy's return to its
 * own window (O(1)). Weights start equal. The first `rebalance(time)` call only anchors the schedule: with
 * no history there is nothing to allocate on. From then on, once `rebalanceIntervalMs` of engine time has
 * passed since the last rebalance, it measures each strategy's Sharpe over its window, smooths it
 * (the first time there is no previous value, so smoothed = current), and sets weights proportional to the
 * smoothed Sharpe within [minWeight, maxWeight], summing to 1 (see `boundedWeights`).
 */
export class AdaptiveAllocator {
  private readonly windows: RollingWindow[];
  private readonly current: Float64Array;
  private readonly smoothed: Float64Array;
  private currentWeights: Float64Array;
  private relaxed: BoundsRelaxation = null;
  private anchor: number | null = null;
  private rebalancedAt: number | null = null;

  constructor(private readonly config: AllocationConfig) {
    const { strategyCount, sharpeWindow, smoothingAlpha, rebalanceIntervalMs } = config;
    if (!Number.isInteger(strategyCount) || strategyCount < 1)
      throw new RangeError(`strategyCount must be a whole number ≥ 1, got ${strategyCount}`);
    if (!Number.isInteger(sharpeWindow) || sharpeWindow < 2)
      throw new RangeError(`sharpeWindow must be a whole number ≥ 2, got ${sharpeWindow}`);
    if (!(smoothingAlpha >= 0 && smoothingAlpha <= 1))
      throw new RangeError(`smoothingAlpha must be between 0 and 1, got ${smoothingAlpha}`);
    if (!(rebalanceIntervalMs > 0 && Number.isFinite(rebalanceIntervalMs)))
      throw new RangeError(`rebalanceIntervalMs must be a positive number, got ${rebalanceIntervalMs}`);
    this.windows = Array.from({ length: strategyCount }, () => new RollingWindow(sharpeWindow));
    this.current = new Float64Array(strategyCount);
    this.smoothed = new Float64Array(strategyCount);
    // Equal weights before the first rebalance; this also checks the bounds once, up front.
    const initial = boundedWeights(this.current, config.minWeight, config.maxWeight);
    this.currentWeights = initial.weights;
    this.relaxed = initial.relaxed;
  }

  /** Adds one bar's return of strategy `index` to its window. */
  recordReturn(index: number, value: number): void {
    const window = this.windows[index];
    if (window === undefined)
      throw new RangeError(`strategy index ${index} is outside 0…${this.windows.length - 1}`);
    if (!Number.isFinite(value))
      throw new RangeError(`return of strategy ${index} must be a finite number, got ${value}`);
    window.push(value);
  }

  /** Rebalances if the interval has passed (the first call only starts the schedule); true if it did. */
  rebalance(time: number): boolean {
    if (!Number.isFinite(time)) throw new RangeError(`rebalance time must be finite, got ${time}`);
    if (this.anchor === null) {
      this.anchor = time;
      return false;
    }
    if (time - this.anchor < this.config.rebalanceIntervalMs) return false;
    const alpha = this.config.smoothingAlpha;
    const first = this.rebalancedAt === null;
    for (let i = 0; i < this.windows.length; i++) {
      const w = this.windows[i]!;
      const sharpe = sharpeRatio(w.mean(), w.variance(), w.count);
      this.current[i] = sharpe;
      this.smoothed[i] = first ? sharpe : alpha * this.smoothed[i]! + (1 - alpha) * sharpe;
    }
    const result = boundedWeights(this.smoothed, this.config.minWeight, this.config.maxWeight);
    this.currentWeights = result.weights;
    this.relaxed = result.relaxed;
    this.anchor = time;
    this.rebalancedAt = time;
    return true;
  }

  /** The weights in force (sum 1); a view the caller must not modify. */
  weights(): Float64Array {
    return this.currentWeights;
  }

  /** Copies of the last rebalance's inputs and result. */
  snapshot(): AllocationSnapshot {
    return {
      rebalancedAt: this.rebalancedAt,
      weights: this.currentWeights.slice(),
      sharpe: this.current.slice(),
      smoothedSharpe: this.smoothed.slice(),
      relaxed: this.relaxed,
    };
  }
}
