import type { Bar } from '../../../src-shared/domain/market';
import { computeFeatures, FEATURE_NAMES, FeatureVector } from './features';
import { LogOfRatioMemo } from './log-of-ratio';
import { RollingStatsBank } from './rolling-stats';

// Bound once: under the test runner (vitest) each read of an imported binding is a getter call.
const featuresInto = computeFeatures;

export interface NormalizationOptions {
  /** Observations in the rolling window (the spec: 252). */
  window: number;
  /** z is clipped to [−clip, clip] (the spec: 3). */
  clip: number;
  /** Below this many observations in the window, z is NaN: the normaliser abstains while it warms up. */
  minObservations: number;
  /** The memo of ln(close / previous close), shared with the validator that passes the bars (optional). */
  logMemo?: LogOfRatioMemo;
}

/**
 * Rolling z-score of one series: z = (x − μ) / σ over the last `window` values including x (sample σ,
 * n − 1), clipped to ±clip. While the window holds fewer than `minObservations` values z is NaN; from then
 * until it is full, μ and σ are over the values so far. A flat window (σ = 0) gives z = 0; a non-finite x
 * is skipped (z NaN). O(1) amortised per value (see RollingStatsBank).
 */
export class RollingZScore {
  private readonly bank: RollingStatsBank;
  private readonly scratch = new Float64Array(1);

  constructor(private readonly options: NormalizationOptions) {
    this.bank = new RollingStatsBank(1, options.window);
  }

  /** Values in the window. */
  get count(): number {
    return this.bank.count(0);
  }

  /** Adds a value and returns its clipped z-score. */
  update(x: number): number {
    this.scratch[0] = x;
    this.bank.update(0, 1, this.scratch, this.scratch, this.options.minObservations, this.options.clip);
    return this.scratch[0]!;
  }
}

/** The features of an instrument's latest bar; one object per instrument, updated in place. */
export interface NormalizedFeatures {
  readonly instrument: string;
  time: number;
  readonly raw: FeatureVector;
  /** Clipped z-scores; NaN while a feature warms up or when its raw value is undefined. */
  readonly z: FeatureVector;
  /** Values in the `return` window, the feature that starts last. */
  observations: number;
  /** Every z is defined. */
  ready: boolean;
}

interface InstrumentFeatures {
  readonly view: NormalizedFeatures;
  /** One rolling series per feature, in FEATURE_NAMES order. */
  readonly bank: RollingStatsBank;
  previousClose: number;
}

/**
 * The normalisation pipeline (spec section 4): per instrument and feature a rolling z-score over the last
 * `window` observations including the current one, clipped to ±clip (the rules of RollingZScore). Feed it
 * validated bars in time order; it returns the same object for an instrument every time (no allocation
 * per bar), so read it before the next update.
 */
export class NormalizationPipeline {
  private readonly instruments = new Map<string, InstrumentFeatures>();
  private lastInstrument: string | null = null;
  private lastEntry: InstrumentFeatures | null = null;
  private readonly logMemo: LogOfRatioMemo;

  constructor(private readonly options: NormalizationOptions) {
    this.logMemo = options.logMemo ?? new LogOfRatioMemo();
    if (!(options.minObservations >= 2)) throw new RangeError('minObservations must be at least 2');
    if (!(options.clip > 0)) throw new RangeError('clip must be positive');
  }

  update(bar: Bar): NormalizedFeatures {
    const entry = this.entryOf(bar.instrument);
    const { view, bank } = entry;
    const raw = view.raw.values;
    const z = view.z.values;
    const { minObservations, clip } = this.options;
    featuresInto(bar, entry.previousClose, raw, this.logMemo);
    bank.update(0, raw.length, raw, z, minObservations, clip);
    entry.previousClose = bar.close;
    view.time = bar.time;
    view.observations = bank.count(0);
    view.ready = view.observations >= minObservations;
    return view;
  }

  /** The latest features of an instrument, or undefined before its first bar. */
  latest(instrument: string): NormalizedFeatures | undefined {
    return this.instruments.get(instrument)?.view;
  }

  private entryOf(instrument: string): InstrumentFeatures {
    if (instrument === this.lastInstrument && this.lastEntry !== null) return this.lastEntry;
    let entry = this.instruments.get(instrument);
    if (entry === undefined) {
      entry = {
        view: {
          instrument,
          time: NaN,
          raw: new FeatureVector(),
          z: new FeatureVector(),
          observations: 0,
          ready: false,
        },
        bank: new RollingStatsBank(FEATURE_NAMES.length, this.options.window),
        previousClose: NaN,
      };
      this.instruments.set(instrument, entry);
    }
    this.lastInstrument = instrument;
    this.lastEntry = entry;
    return entry;
  }
}
