import { describe, expect, it, vi } from 'vitest';
import { ALL_TIME, type PipelineOptions } from '../../../src-main/backtest/options';
import type { BacktestResult } from '../../../src-main/backtest/result-schema';
import { runPipeline } from '../../../src-main/backtest/run-pipeline';
import type { StrategyDecision } from '../../../src-main/engine/ports';
import type { StrategyDefinition } from '../../../src-main/engine/strategies/definition';
import { SharedIndicators } from '../../../src-main/engine/strategies/shared-indicators';
import { TrackedStrategy } from '../../../src-main/engine/strategies/tracked-strategy';
import type { Settings } from '../../../src-shared/settings/schema';
import { testSettings } from '../../helpers/settings';

// Strategies hand out the same Signal object on every bar a view stands (and the same decision object), so
// nothing downstream may write to one: decisions are read-only by contract. The signals themselves are plain
// objects (not frozen: freezing cost time on every new signal and gave them a map of their own), so this
// test holds the whole pipeline to the contract instead. Every strategy's decisions are deep-frozen before
// they leave it; a write anywhere downstream (tracking, ensemble, sizing, journal) throws in strict-mode
// modules, and the run must come out exactly as the same run without freezing.

const freezing = vi.hoisted(() => ({ on: false }));

function frozenDecision(decision: StrategyDecision): StrategyDecision {
  for (const signal of decision.signals) Object.freeze(signal);
  Object.freeze(decision.signals);
  return Object.freeze(decision);
}

/** The definition with its logic's decisions deep-frozen while `freezing.on`. */
function freezingDefinition(definition: StrategyDefinition): StrategyDefinition {
  return {
    ...definition,
    create: (params, shared) => {
      const logic = definition.create(params, shared);
      return {
        evaluate: (snapshot) => {
          const decision = logic.evaluate(snapshot);
          return freezing.on ? frozenDecision(decision) : decision;
        },
      };
    },
  } as StrategyDefinition;
}

vi.mock('../../../src-main/engine/strategies/registry', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../src-main/engine/strategies/registry')>();
  return {
    ...original,
    // registry.createStrategies, with each definition wrapped.
    createStrategies: (settings: Settings): TrackedStrategy[] => {
      const sections = settings.strategies as Record<string, { enabled: boolean }>;
      const shared = new SharedIndicators();
      return original.STRATEGY_DEFINITIONS.filter((d) => sections[d.id]?.enabled).map(
        (d) =>
          new TrackedStrategy(
            freezingDefinition(d),
            sections[d.id],
            settings.ensemble.allocation.sharpeWindow,
            shared,
          ),
      );
    },
  };
});

function run(): Omit<BacktestResult, 'elapsed_ms'> {
  const options: PipelineOptions = {
    mode: 'pipeline',
    source: { feed: 'synthetic', seed: 3, scenario: 'markov', bars: 1500 },
    range: ALL_TIME,
    strategies: 'all',
    seed: 1,
    cash: null,
    settings: testSettings(),
  };
  const { elapsed_ms: elapsed, ...result } = runPipeline(options);
  expect(elapsed).toBeGreaterThanOrEqual(0);
  return result;
}

describe('signals are read-only downstream', () => {
  it('the full pipeline runs on deep-frozen decisions of every strategy and gives the same result', () => {
    freezing.on = false;
    const plain = run();
    freezing.on = true;
    const frozen = run();
    freezing.on = false;
    expect(frozen).toEqual(plain);
    // The run traded, so the signals went all the way through sizing and execution.
    expect(plain.trades.length).toBeGreaterThan(0);
  });
});
