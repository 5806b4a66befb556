import type { Settings } from '../../src-shared/settings/schema';
import { STRATEGY_DEFINITIONS } from '../engine/strategies/registry';
import { BacktestInputError, type PipelineOptions } from './options';

/**
 * Enables the strategies a run asks for, in `settings` (a copy the run owns): `all` every registered
 * strategy, `settings` the ones the settings enable, or a list of ids (each must be registered; the others
 * are disabled). Returns the enabled ids in registry order. Throws a BacktestInputError naming an unknown
 * id and listing the known ones, or when nothing is enabled.
 */
export function selectStrategies(settings: Settings, selection: PipelineOptions['strategies']): string[] {
  const sections = settings.strategies as Record<string, { enabled: boolean } | undefined>;
  const known = STRATEGY_DEFINITIONS.map((d) => d.id);
  if (Array.isArray(selection)) {
    const unknown = selection.filter((id) => !known.includes(id));
    if (unknown.length > 0)
      throw new BacktestInputError(
        `--strategies: unknown strateg${unknown.length === 1 ? 'y' : 'ies'} ${unknown.join(', ')} (known: ${known.join(', ')})`,
      );
  }
  for (const id of known) {
    const section = sections[id];
    if (!section) continue;
    if (selection === 'all') section.enabled = true;
    else if (Array.isArray(selection)) section.enabled = selection.includes(id);
  }
  const enabled = known.filter((id) => sections[id]?.enabled === true);
  if (enabled.length === 0)
    throw new BacktestInputError(
      'no strategy is enabled: name some with --strategies, or use --strategies all',
    );
  return enabled;
}
