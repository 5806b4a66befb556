import type { Bar, InstrumentSpec } from '../../src-shared/domain/market';
import type { MarketSnapshot } from '../../src-main/engine/ports';

/**
 * A MarketSnapshot for strategy tests: the given bars as this step's slice (and as the latest bars, on
 * top of `previous`), optional instrument specs, and no features or cascade data unless given.
 */
export function snapshotOf(
  time: number,
  bars: readonly Bar[],
  options: {
    previous?: ReadonlyMap<string, Bar>;
    instruments?: readonly InstrumentSpec[];
    features?: MarketSnapshot['features'];
    cascade?: MarketSnapshot['cascade'];
  } = {},
): MarketSnapshot {
  const latest = new Map(options.previous ?? []);
  for (const bar of bars) latest.set(bar.instrument, bar);
  return {
    time,
    slice: { time, bars: [...bars] },
    latest,
    instruments: new Map((options.instruments ?? []).map((spec) => [spec.id, spec])),
    features: options.features ?? (() => undefined),
    cascade: options.cascade ?? (() => undefined),
  };
}

/** A flat bar (open = high = low = close) for tests that only need closes. */
export function flatBar(instrument: string, time: number, close: number, volume = 1): Bar {
  return { instrument, time, open: close, high: close, low: close, close, volume };
}
