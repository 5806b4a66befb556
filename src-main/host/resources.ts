import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The resources folder (default settings, sample data). Found beside the sources in development and tests,
 * beside dist/main when built, and inside the packaged app.
 */
export function resourcesDir(): string {
  const candidates = [
    process.env.BOTV2_RESOURCES,
    resolve(__dirname, '..', '..', 'resources'),
    resolve(__dirname, '..', 'resources'),
    (process as { resourcesPath?: string }).resourcesPath
      ? join((process as { resourcesPath?: string }).resourcesPath!, 'resources')
      : undefined,
  ];
  for (const dir of candidates) {
    if (dir && existsSync(join(dir, 'default-settings.yaml'))) return dir;
  }
  throw new Error(`BotV2 resources not found (looked in: ${candidates.filter(Boolean).join(', ')})`);
}

export const defaultSettingsFile = (): string => join(resourcesDir(), 'default-settings.yaml');
