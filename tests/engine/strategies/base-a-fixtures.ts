import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { z } from 'zod';
import { NormalizationPipeline } from '../../../src-main/engine/data/normalizer';
import type { StrategyDecision } from '../../../src-main/engine/ports';
import type { StrategyDefinition } from '../../../src-main/engine/strategies/definition';
import { createSyntheticMarket } from '../../../src-main/feeds/synthetic-market';
import type { AssetClass, Bar, InstrumentSpec, MarketSlice } from '../../../src-shared/domain/market';
import { assertNoLookAhead, decisionsOver, scalePrices } from '../../helpers/no-look-ahead';
import { snapshotOf } from '../../helpers/snapshot';

// Shared by the group-A strategy tests: the shipped defaults (read from the YAML comment of the params
// file, so the documented defaults are the tested ones), instrument specs, and a synthetic-market run.

export const PARAMS_FILE = join(__dirname, '../../../src-shared/settings/sections/strategy-params/base-a.ts');

/** The `strategies` YAML in the comment at the top of the params file. */
export function documentedDefaults(): Record<string, unknown> {
  const text = readFileSync(PARAMS_FILE, 'utf8');
  const comment = /^\/\*([\s\S]*?)\*\//.exec(text)?.[1] ?? '';
  const yaml = comment.slice(comment.indexOf('strategies:'));
  return (parse(yaml) as { strategies: Record<string, unknown> }).strategies;
}

/** A strategy's documented defaults with some overridden, validated by its schema. */
export function paramsOf<S extends z.ZodType>(
  definition: StrategyDefinition<S>,
  overrides: Record<string, unknown> = {},
): z.output<S> {
  const defaults = documentedDefaults()[definition.id] as Record<string, unknown>;
  return definition.params.parse({ ...defaults, ...overrides });
}

export function spec(id: string, assetClass: AssetClass): InstrumentSpec {
  return { id, symbol: id, venue: 'test', assetClass, lotSize: 1, tickSize: 0.01, makerFee: 0, takerFee: 0 };
}

/** A bar from high, low and close (open = the close, unless given). */
export function hlc(
  instrument: string,
  time: number,
  high: number,
  low: number,
  close: number,
  open = close,
): Bar {
  return { instrument, time, open, high, low, close, volume: 1 };
}

/** Runs a strategy over one instrument's bars; its decision at every bar. */
export function runBars(
  definition: StrategyDefinition,
  params: unknown,
  bars: readonly Bar[],
  instruments: readonly InstrumentSpec[],
): StrategyDecision[] {
  const logic = definition.create(definition.params.parse(params));
  return bars.map((bar) => logic.evaluate(snapshotOf(bar.time, [bar], { instruments })));
}

/** The only signal of a decision (fails the test when there is not exactly one). */
export function only(decision: StrategyDecision | undefined) {
  if (decision?.signals.length !== 1) throw new Error(`expected one signal, got ${JSON.stringify(decision)}`);
  return decision.signals[0]!;
}

/** The synthetic market's slices and the instruments listed at its start. */
export function syntheticMarket(seed: number, maxBars: number) {
  const market = createSyntheticMarket({ seed, maxBars });
  const slices: MarketSlice[] = [];
  for (let slice = market.next(); slice; slice = market.next()) slices.push(slice);
  return { slices, instruments: market.instruments };
}

export interface SmokeResult {
  /** Per action, the asset classes of the instruments that received it. */
  classes: Record<'buy' | 'sell' | 'hold', Set<AssetClass>>;
  /** Per action, how many signals. */
  counts: Record<'buy' | 'sell' | 'hold', number>;
  /** Instruments that received a buy or a sell. */
  traded: Set<string>;
  abstentions: number;
}

/**
 * Runs a strategy over the synthetic market as the engine feeds it: the instruments of the start, the
 * latest bars, and normalised features (window 252, clip 3, 20 observations: the data section's defaults).
 */
export function smokeRun(
  definition: StrategyDefinition,
  params: unknown,
  seed = 7,
  maxBars = 3000,
): SmokeResult {
  const market = createSyntheticMarket({ seed, maxBars });
  const specs = new Map(market.instruments.map((s) => [s.id, s]));
  const normalizer = new NormalizationPipeline({ window: 252, clip: 3, minObservations: 20 });
  const logic = definition.create(definition.params.parse(params));
  const latest = new Map<string, Bar>();
  const result: SmokeResult = {
    classes: { buy: new Set(), sell: new Set(), hold: new Set() },
    counts: { buy: 0, sell: 0, hold: 0 },
    traded: new Set(),
    abstentions: 0,
  };
  for (let slice = market.next(); slice; slice = market.next()) {
    for (const bar of slice.bars) normalizer.update(bar);
    const snapshot = snapshotOf(slice.time, slice.bars, {
      previous: latest,
      instruments: [...specs.values()],
      features: (id) => normalizer.latest(id),
    });
    for (const bar of slice.bars) latest.set(bar.instrument, bar);
    const decision = logic.evaluate(snapshot);
    if (decision.abstain !== null) result.abstentions += 1;
    for (const signal of decision.signals) {
      result.counts[signal.action] += 1;
      if (signal.action !== 'hold') result.traded.add(signal.instrument);
      result.classes[signal.action].add(specs.get(signal.instrument)!.assetClass);
    }
  }
  return result;
}

/**
 * The no-look-ahead property on the synthetic market's first `maxBars` slices, after checking that the
 * strategy both buys and sells on them (a property over a series without trades would prove little).
 */
export function assertTradesWithoutLookAhead(
  definition: StrategyDefinition,
  params: unknown,
  seed = 11,
  maxBars = 500,
): void {
  const { slices, instruments } = syntheticMarket(seed, maxBars);
  const actions = new Set(
    decisionsOver(definition, params, slices, instruments).flatMap((d) => d.signals.map((s) => s.action)),
  );
  if (!actions.has('buy') || !actions.has('sell')) {
    throw new Error(`${definition.id} did not both buy and sell on ${maxBars} synthetic bars`);
  }
  assertNoLookAhead(definition, params, slices, scalePrices, instruments, 10);
}
