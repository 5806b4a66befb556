import type { Settings } from '../../../src-shared/settings/schema';
import type { Strategy } from '../ports';
import { MomentumStrategy } from './momentum';

/** Every strategy the settings enable, in a fixed order (the order matters for determinism). */
export function createStrategies(settings: Settings['strategies']): Strategy[] {
  const strategies: Strategy[] = [];
  if (settings.momentum.enabled) strategies.push(new MomentumStrategy(settings.momentum));
  return strategies;
}

export const ALL_STRATEGY_IDS = ['momentum'] as const;
