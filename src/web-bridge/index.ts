// `npm run dev:web`: the real renderer in a browser, backed by the real core. Plain Node, no Electron.
import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { Handlers } from '@core/api/handlers';
import { currentDataDir } from '@core/paths/data-dir';
import { findExecutable } from '@core/platform/find-executable';
import { setLinuxAutostart } from '@core/platform/linux-autostart';
import { openDataFolderLog } from '@core/log/data-folder-log';
import { logFor } from '@core/log/logger';
import { version } from '../../package.json';
import { startBridge } from './bridge-server';

const log = logFor('bridge');

async function main(): Promise<void> {
  const appRoot = join(__dirname, '../..');
  openDataFolderLog(currentDataDir());
  // Core, its schemas and the handlers load on the page's first call: the page itself is served at once.
  let app: Promise<Handlers> | undefined;
  const handlers = (): Promise<Handlers> =>
    (app ??= startApp(appRoot).catch((error: unknown) => {
      app = undefined; // the next call tries again
      throw error;
    }));
  const bridge = await startBridge({
    rendererDir: join(__dirname, '../renderer'),
    handlers,
    token: randomBytes(32).toString('base64url'),
    port: Number(process.env.PONTE_WEB_PORT ?? 0),
    onUnexpected: (error, channel) => {
      console.error(`[bridge] ${channel} failed:`, error);
      log.error(`${channel} failed`, error);
    },
  });
  console.log(`Ponte browser preview — open this address (it holds a one-time access key):\n${bridge.url}`);
  console.log('Press Ctrl+C to stop.');
  const stop = (): void => void bridge.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

async function startApp(appRoot: string): Promise<Handlers> {
  const [{ createCore }, { createHandlers }] = await Promise.all([
    import('@core/core'),
    import('@core/api/handlers'),
  ]);
  const core = createCore({ dataDir: currentDataDir(), appRoot });
  // As the desktop app does when it starts (the same sequence, from core).
  void import('@core/startup/after-start').then(({ runAfterStart }) => runAfterStart(core));
  return createHandlers(core, {
    shell: 'browser',
    appName: 'Ponte',
    appVersion: version,
    appRoot,
    openExternal: openInBrowser,
    // The preview stands in for the desktop app: on Linux it writes the same autostart entry the app
    // would (starting the app through its launcher); elsewhere the setting is only stored.
    setStartAtLogin: (enabled) =>
      process.platform === 'linux'
        ? setLinuxAutostart(enabled, [process.execPath, join(appRoot, 'out/main/launcher.js'), '--hidden'])
        : Promise.resolve(),
  });
}

async function openInBrowser(url: string): Promise<void> {
  const opener = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? null : 'xdg-open';
  if (opener && (await findExecutable(opener))) {
    spawn(opener, [url], { stdio: 'ignore', detached: true }).unref();
  } else {
    console.log(`Open this page in your browser: ${url}`);
  }
}

void main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
