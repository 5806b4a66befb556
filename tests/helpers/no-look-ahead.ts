import fc from 'fast-check';
import type { MarketSlice } from '../../src-shared/domain/market';
import type { InstrumentSpec } from '../../src-shared/domain/market';
import type { StrategyDecision } from '../../src-main/engine/ports';
import type { StrategyDefinition } from '../../src-main/engine/strategies/definition';
import { snapshotOf } from './snapshot';

/** Runs a fresh instance of a strategy over the slices; its decision at every step. */
export function decisionsOver(
  definition: StrategyDefinition,
  params: unknown,
  slices: readonly MarketSlice[],
  instruments: readonly InstrumentSpec[] = [],
): StrategyDecision[] {
  const logic = definition.create(definition.params.parse(params));
  const latest = new Map<string, MarketSlice['bars'][number]>();
  return slices.map((slice) => {
    const snapshot = snapshotOf(slice.time, slice.bars, { previous: latest, instruments });
    for (const bar of slice.bars) latest.set(bar.instrument, bar);
    return logic.evaluate(snapshot);
  });
}

/**
 * The no-look-ahead property: changing any bars after step t never changes the strategy's decisions up to
 * t. `alter` rewrites one later slice (e.g. scales its prices); checked at random t over `runs` cases.
 */
export function assertNoLookAhead(
  definition: StrategyDefinition,
  params: unknown,
  slices: readonly MarketSlice[],
  alter: (slice: MarketSlice, factor: number) => MarketSlice,
  instruments: readonly InstrumentSpec[] = [],
  runs = 25,
): void {
  const reference = decisionsOver(definition, params, slices, instruments);
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: slices.length - 2 }),
      fc.double({ min: 0.5, max: 1.5, noNaN: true }),
      (t, factor) => {
        const changed = slices.map((slice, i) => (i > t ? alter(slice, factor) : slice));
        const replay = decisionsOver(definition, params, changed, instruments);
        for (let i = 0; i <= t; i++) {
          if (JSON.stringify(replay[i]) !== JSON.stringify(reference[i])) {
            throw new Error(`decision at step ${i} changed when bars after step ${t} changed`);
          }
        }
      },
    ),
    { numRuns: runs },
  );
}

/** Scales every price of a slice's bars by `factor` (volume unchanged): a simple "different future". */
export function scalePrices(slice: MarketSlice, factor: number): MarketSlice {
  return {
    time: slice.time,
    bars: slice.bars.map((b) => ({
      ...b,
      open: b.open * factor,
      high: b.high * factor,
      low: b.low * factor,
      close: b.close * factor,
    })),
  };
}
