import { expect } from 'vitest';
import type { AssetClass, InstrumentSpec, MarketSlice } from '../../../src-shared/domain/market';
import type { Signal } from '../../../src-shared/domain/strategy';
import type { StrategyDecision } from '../../../src-main/engine/ports';
import type { StrategyDefinition } from '../../../src-main/engine/strategies/definition';
import { createSyntheticMarket } from '../../../src-main/feeds/synthetic-market';
import { decisionsOver } from '../../helpers/no-look-ahead';
import { flatBar } from '../../helpers/snapshot';

// Shared fixtures of the base-b strategy tests.

/** An instrument spec of the given asset class (symbol = id unless given). */
export function spec(id: string, assetClass: AssetClass, symbol = id): InstrumentSpec {
  return {
    id,
    symbol,
    venue: 'test',
    assetClass,
    lotSize: 0.001,
    tickSize: 0.01,
    makerFee: 0,
    takerFee: 0,
  };
}

/** One slice per close: flat bars (open = high = low = close) of one instrument, at times 0, 1, 2, … */
export function flatSlices(instrument: string, closes: readonly number[]): MarketSlice[] {
  return closes.map((close, time) => ({ time, bars: [flatBar(instrument, time, close)] }));
}

/** Slices of several instruments stepping together: `closes[id][t]` is the close of `id` at step t. */
export function parallelSlices(closes: Readonly<Record<string, readonly number[]>>): MarketSlice[] {
  const ids = Object.keys(closes);
  const steps = Math.max(...ids.map((id) => closes[id]!.length));
  const slices: MarketSlice[] = [];
  for (let time = 0; time < steps; time++) {
    const bars = ids
      .filter((id) => closes[id]![time] !== undefined)
      .map((id) => flatBar(id, time, closes[id]![time]!));
    slices.push({ time, bars });
  }
  return slices;
}

/** The strategy's decisions over the slices, with the given instruments. */
export function run(
  definition: StrategyDefinition,
  params: unknown,
  slices: readonly MarketSlice[],
  instruments: readonly InstrumentSpec[],
): StrategyDecision[] {
  return decisionsOver(definition, params, slices, instruments);
}

/** The signal for `instrument` in a decision; fails the test when there is none. */
export function signalFor(decision: StrategyDecision | undefined, instrument: string): Signal {
  const signal = decision?.signals.find((s) => s.instrument === instrument);
  expect(signal, `a signal for ${instrument} in ${JSON.stringify(decision)}`).toBeDefined();
  return signal!;
}

/** The action for `instrument` at every step ('-' where the strategy abstained or gave it no signal). */
export function actions(decisions: readonly StrategyDecision[], instrument: string): string[] {
  return decisions.map((d) => d.signals.find((s) => s.instrument === instrument)?.action ?? '-');
}

const syntheticCache = new Map<string, { slices: MarketSlice[]; instruments: readonly InstrumentSpec[] }>();

/** The synthetic market's first `bars` slices for a seed (built once per test file). */
export function syntheticMarket(
  seed: number,
  bars: number,
): { slices: MarketSlice[]; instruments: readonly InstrumentSpec[] } {
  const key = `${seed}:${bars}`;
  let cached = syntheticCache.get(key);
  if (!cached) {
    const market = createSyntheticMarket({ seed, maxBars: bars });
    const slices: MarketSlice[] = [];
    for (let slice = market.next(); slice; slice = market.next()) slices.push(slice);
    // Instruments listed during the run (prediction contracts) are in the list by the end.
    cached = { slices, instruments: market.instruments };
    syntheticCache.set(key, cached);
  }
  return cached;
}

/** Per instrument: how many buy, sell and hold signals the decisions hold. */
export function tally(
  decisions: readonly StrategyDecision[],
): Map<string, { buy: number; sell: number; hold: number }> {
  const counts = new Map<string, { buy: number; sell: number; hold: number }>();
  for (const decision of decisions) {
    for (const signal of decision.signals) {
      let count = counts.get(signal.instrument);
      if (!count) {
        count = { buy: 0, sell: 0, hold: 0 };
        counts.set(signal.instrument, count);
      }
      count[signal.action] += 1;
    }
  }
  return counts;
}
