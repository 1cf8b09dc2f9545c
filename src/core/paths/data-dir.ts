import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_DIR_NAME = 'Ponte';

export interface DataDirEnvironment {
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  home: string;
}

/**
 * Where Ponte keeps its non-secret data. Matches Electron's `userData` for an app named "Ponte"
 * (appData + name) so the CLI and the desktop app share one directory; PONTE_DATA_DIR overrides both.
 */
export function resolveDataDir({ env, platform, home }: DataDirEnvironment): string {
  const override = env.PONTE_DATA_DIR?.trim();
  if (override) return override;
  switch (platform) {
    case 'win32':
      return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_DIR_NAME);
    case 'darwin':
      return join(home, 'Library', 'Application Support', APP_DIR_NAME);
    default:
      return join(env.XDG_CONFIG_HOME?.trim() || join(home, '.config'), APP_DIR_NAME);
  }
}

export function currentDataDir(): string {
  return resolveDataDir({ env: process.env, platform: process.platform, home: homedir() });
}
