import type { Bar } from '../../../src-shared/domain/market';
import { computeFeatures, emptyFeatures, FEATURE_NAMES, type FeatureValues } from './features';
import { RollingStats } from './rolling-stats';

export interface NormalizationOptions {
  /** Observations in the rolling window (the spec: 252). */
  window: number;
  /** z is clipped to [−clip, clip] (the spec: 3). */
  clip: number;
  /** Below this many observations in the window, z is NaN: the normaliser abstains while it warms up. */
  minObservations: number;
}

/**
 * Rolling z-score of one series: z = (x − μ) / σ over the last `window` values including x (sample σ,
 * n − 1), clipped to ±clip. While the window holds fewer than `minObservations` values z is NaN; from then
 * until it is full, μ and σ are over the values so far. A flat window (σ = 0) gives z = 0. O(1) per value.
 */
export class RollingZScore {
  readonly stats: RollingStats;

  constructor(private readonly options: NormalizationOptions) {
    this.stats = new RollingStats(options.window);
  }

  /** Adds a finite value and returns its clipped z-score (NaN during warm-up). */
  update(x: number): number {
    this.stats.push(x);
    if (this.stats.count < this.options.minObservations) return NaN;
    const z = this.stats.zScore(x);
    const clip = this.options.clip;
    return z > clip ? clip : z < -clip ? -clip : z;
  }
}

/** The features of an instrument's latest bar; one object per instrument, updated in place. */
export interface NormalizedFeatures {
  readonly instrument: string;
  time: number;
  readonly raw: FeatureValues;
  /** Clipped z-scores; NaN while a feature warms up or when its raw value is undefined. */
  readonly z: FeatureValues;
  /** Values in the `return` window, the feature that starts last. */
  observations: number;
  /** Every z is defined. */
  ready: boolean;
}

interface InstrumentFeatures {
  readonly view: NormalizedFeatures;
  readonly scorers: Record<keyof FeatureValues, RollingZScore>;
  previousClose: number;
}

/**
 * The normalisation pipeline (spec section 4): per instrument and feature a rolling z-score over the last
 * `window` observations, clipped to ±clip. Feed it validated bars in time order; it returns the same
 * object for an instrument every time (no allocation per bar), so read it before the next update.
 */
export class NormalizationPipeline {
  private readonly instruments = new Map<string, InstrumentFeatures>();

  constructor(private readonly options: NormalizationOptions) {
    if (!(options.minObservations >= 2)) throw new RangeError('minObservations must be at least 2');
    if (!(options.clip > 0)) throw new RangeError('clip must be positive');
  }

  update(bar: Bar): NormalizedFeatures {
    const entry = this.entryOf(bar.instrument);
    const { view, scorers } = entry;
    computeFeatures(bar, entry.previousClose, view.raw);
    for (const name of FEATURE_NAMES) {
      const raw = view.raw[name];
      view.z[name] = Number.isFinite(raw) ? scorers[name].update(raw) : NaN;
    }
    entry.previousClose = bar.close;
    view.time = bar.time;
    view.observations = scorers.return.stats.count;
    view.ready = view.observations >= this.options.minObservations;
    return view;
  }

  /** The latest features of an instrument, or undefined before its first bar. */
  latest(instrument: string): NormalizedFeatures | undefined {
    return this.instruments.get(instrument)?.view;
  }

  private entryOf(instrument: string): InstrumentFeatures {
    let entry = this.instruments.get(instrument);
    if (entry === undefined) {
      const scorer = () => new RollingZScore(this.options);
      entry = {
        view: {
          instrument,
          time: NaN,
          raw: emptyFeatures(),
          z: emptyFeatures(),
          observations: 0,
          ready: false,
        },
        scorers: {
          return: scorer(),
          logReturn: scorer(),
          range: scorer(),
          logVolume: scorer(),
          gap: scorer(),
        },
        previousClose: NaN,
      };
      this.instruments.set(instrument, entry);
    }
    return entry;
  }
}
