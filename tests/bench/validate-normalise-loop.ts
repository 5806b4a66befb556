import type { Bar } from '../../src-shared/domain/market';
import { NormalizationPipeline } from '../../src-main/engine/data/normalizer';
import { DataValidator, profileForAssetClass } from '../../src-main/engine/data/validator';
import { LogOfRatioMemo } from '../../src-main/engine/data/log-of-ratio';

/**
 * The measured loop of "validate + normalise": a fresh validator (NYSE calendar) and normaliser with the
 * default settings, every bar checked and the accepted ones normalised. Throws if under 99 % pass (the
 * input is valid data). Shared by data.bench.ts and bundled/validate-normalise.ts.
 */
export function validateAndNormalise(bars: readonly Bar[]): number {
  const profile = profileForAssetClass('equity-index');
  const logMemo = new LogOfRatioMemo();
  const validator = new DataValidator({
    logMemo,
    outlierZ: 5,
    outlierWindow: 100,
    outlierMinObservations: 20,
    profile: () => profile,
  });
  const pipeline = new NormalizationPipeline({ window: 252, clip: 3, minObservations: 20, logMemo });
  let used = 0;
  for (const bar of bars) {
    if (validator.check(bar)) {
      pipeline.update(bar);
      used += 1;
    }
  }
  if (used < bars.length * 0.99) throw new Error(`only ${used} bars passed`);
  return used;
}

/**
 * The bench's input: `copies` copies of `base`, copy k shifted `k × shiftMs` later. Each bar is written as
 * the literal CsvFeed's row parser writes (same keys, same order), so every copy has the hidden class of a
 * parsed bar and the measured loop reads one shape, as it does in the app. (A spread, `{ ...bar, time }`,
 * gave the first ~400 copies another class while the copying code warmed up: every field read in the loop
 * became polymorphic, ~10 % slower per bar.) Bar extras (funding, settlement, …) are not copied.
 */
export function repeatShifted(base: readonly Bar[], copies: number, shiftMs: number): Bar[] {
  const bars: Bar[] = [];
  for (let copy = 0; copy < copies; copy++) {
    for (const { instrument, time, open, high, low, close, volume } of base) {
      bars.push({ instrument, time: time + copy * shiftMs, open, high, low, close, volume });
    }
  }
  return bars;
}
