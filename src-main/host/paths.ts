import { homedir } from 'node:os';
import { join } from 'node:path';

/** The platform's per-user application-data folder for BotV2 (where Electron's userData would be). */
export function defaultDataDir(platform: NodeJS.Platform = process.platform, env = process.env): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'BotV2');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'BotV2');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'BotV2');
}

export const DATABASE_FILE = 'botv2.sqlite';
export const USER_SETTINGS_FILE = 'settings.yaml';
