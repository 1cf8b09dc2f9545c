import { join } from 'node:path';
import { findExecutable } from './find-executable';

// Where the Electron binary cannot be had, `npm start` opens Ponte's window in an installed Chromium-family
// browser's app mode (`--app=`: a window without tabs or address bar) on the loopback bridge. Which browser:
// PONTE_BROWSER (a path, or `none`), else the first of these that is installed.

const ON_PATH = [
  'chromium',
  'chromium-browser',
  'google-chrome',
  'google-chrome-stable',
  'microsoft-edge',
  'microsoft-edge-stable',
  'brave-browser',
];

const MAC_APPS = ['Google Chrome', 'Microsoft Edge', 'Chromium', 'Brave Browser'].map(
  (name) => `/Applications/${name}.app/Contents/MacOS/${name}`,
);

function windowsCandidates(env: NodeJS.ProcessEnv): string[] {
  const roots = [env['ProgramFiles(x86)'], env.ProgramFiles, env.LOCALAPPDATA].filter(
    (root): root is string => typeof root === 'string' && root !== '',
  );
  return roots.flatMap((root) => [
    join(root, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
    join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'),
  ]);
}

export async function findAppBrowser(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): Promise<string | null> {
  const chosen = env.PONTE_BROWSER?.trim();
  if (chosen === 'none') return null;
  if (chosen) return findExecutable(chosen, env, platform);
  const candidates =
    platform === 'win32' ? windowsCandidates(env) : platform === 'darwin' ? MAC_APPS : ON_PATH;
  for (const candidate of candidates) {
    const found = await findExecutable(candidate, env, platform);
    if (found) return found;
  }
  return null;
}

/** An app window on `url`, with a profile of its own in Ponte's data folder (never the person's tabs). */
export function appWindowArgs(url: string, profileDir: string): string[] {
  return [
    `--app=${url}`,
    `--user-data-dir=${profileDir}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
  ];
}
