import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadSettings } from '../config/load-settings';
import { STRATEGY_DEFINITIONS } from '../engine/strategies/registry';
import { defaultDataDir, USER_SETTINGS_FILE } from '../host/paths';
import { defaultSettingsFile } from '../host/resources';

/**
 * `botv2 strategies [--data-dir DIR] [--json]`: the 20 strategies with their id, name, category, rule,
 * data and parameters as the app runs them: the data directory's settings.yaml over the defaults.
 */
export function runStrategies(args: string[]): number {
  const { values } = parseArgs({
    args,
    options: { json: { type: 'boolean' }, 'data-dir': { type: 'string' } },
    strict: true,
  });
  const dataDir = resolve(values['data-dir'] ?? defaultDataDir());
  const settings = loadSettings(defaultSettingsFile(), join(dataDir, USER_SETTINGS_FILE));
  const sections = settings.strategies as Record<string, Record<string, unknown>>;
  const rows = STRATEGY_DEFINITIONS.map((d) => {
    const { enabled, ...parameters } = sections[d.id] ?? {};
    return {
      id: d.id,
      name: d.name,
      category: d.category,
      enabled: enabled === true,
      rule: d.rule,
      needs: d.needs,
      parameters,
    };
  });
  if (values.json) {
    console.log(JSON.stringify(rows, null, 2));
    return 0;
  }
  for (const row of rows) {
    console.log(`${row.id}  (${row.name}, ${row.category}${row.enabled ? '' : ', disabled'})`);
    console.log(`  ${row.rule}`);
    console.log(`  needs: ${row.needs.join(', ')}`);
    const params = Object.entries(row.parameters).map(([k, v]) => `${k}=${JSON.stringify(v)}`);
    if (params.length) console.log(`  parameters: ${params.join(' ')}`);
  }
  return 0;
}
