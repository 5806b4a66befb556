import { parseArgs } from 'node:util';
import { loadSettings } from '../config/load-settings';
import { STRATEGY_DEFINITIONS } from '../engine/strategies/registry';
import { defaultSettingsFile } from '../host/resources';

/** `botv2 strategies [--json]`: the 20 strategies with their id, name, category, rule, parameters and data. */
export function runStrategies(args: string[]): number {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean' } }, strict: true });
  const settings = loadSettings(defaultSettingsFile());
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
