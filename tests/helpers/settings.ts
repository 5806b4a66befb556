import { join } from 'node:path';
import { loadSettings } from '../../src-main/config/load-settings';
import type { Settings } from '../../src-shared/settings/schema';

export const DEFAULTS_FILE = join(__dirname, '..', '..', 'resources', 'default-settings.yaml');

/** The shipped defaults, validated, with optional overrides for a test. */
export function testSettings(patch: (s: Settings) => void = () => undefined): Settings {
  const settings = structuredClone(loadSettings(DEFAULTS_FILE));
  patch(settings);
  return settings;
}

/** Enables only the given strategies (engine tests that need one strategy's steady trading). */
export function onlyStrategies(ids: readonly string[]): (s: Settings) => void {
  return (s) => {
    for (const [id, section] of Object.entries(s.strategies as Record<string, { enabled: boolean }>)) {
      section.enabled = ids.includes(id);
    }
  };
}
