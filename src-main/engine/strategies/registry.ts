import { BASE_B_STRATEGIES } from './base-b';
import { BASE_A_STRATEGIES } from './base-a';
import { ADVANCED_STRATEGIES } from './advanced';
import type { Settings } from '../../../src-shared/settings/schema';
import type { StrategyDefinition } from './definition';
import { momentum } from './momentum';
import { SharedIndicators } from './shared-indicators';
import { TrackedStrategy } from './tracked-strategy';

/** Every strategy of the product, in a fixed order (the order matters for determinism). */
export const STRATEGY_DEFINITIONS: readonly StrategyDefinition[] = [
  momentum,
  ...BASE_A_STRATEGIES,
  ...BASE_B_STRATEGIES,
  ...ADVANCED_STRATEGIES,
];

/**
 * The strategies the settings enable, each wrapped with its tracking. They share one set of indicators
 * (an indicator several of them compute with equal parameters on an instrument is fed once per bar).
 */
export function createStrategies(settings: Settings): TrackedStrategy[] {
  const sections = settings.strategies as Record<string, { enabled: boolean }>;
  const shared = new SharedIndicators();
  return STRATEGY_DEFINITIONS.filter((d) => sections[d.id]?.enabled).map(
    (d) => new TrackedStrategy(d, sections[d.id], settings.ensemble.allocation.sharpeWindow, shared),
  );
}
