// `npm start`: opens the desktop app when Electron's binary is installed; otherwise the same UI in an installed
// Chromium-family browser's app window, or, with neither, explains what to do.
import { spawn, spawnSync } from 'node:child_process';
import { homedir } from 'node:os';
import { basename, join } from 'node:path';
import { appWindowArgs, findAppBrowser } from '@core/platform/app-browser';
import { findElectronBinary } from '@core/platform/electron-binary';
import { resolveDataDir } from '@core/paths/data-dir';
import { openDataFolderLog } from '@core/log/data-folder-log';
import { logFor } from '@core/log/logger';
import { SettingsStore } from '@core/settings/settings-store';
import { createTranslator } from '@shared/i18n/translator';
import { bridgeAddress } from '../web-bridge/bridge-address';
import { chooseCliLanguage } from './cli-i18n';

const log = logFor('launcher');

async function launch(): Promise<number> {
  const appRoot = join(__dirname, '../..');
  let binary = await findElectronBinary(appRoot);
  if (binary.state === 'binary-missing') {
    // Electron downloads its binary on first use; try once, quietly: where GitHub is blocked it fails fast.
    console.error('Downloading Electron…');
    spawnSync(process.execPath, [join(appRoot, 'node_modules/electron/install.js')], {
      stdio: 'ignore',
      timeout: 300_000,
    });
    binary = await findElectronBinary(appRoot);
  }
  if (binary.state === 'present') {
    const child = spawn(binary.path, [appRoot], { stdio: 'inherit' });
    return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
  }
  const dataDir = resolveDataDir({ env: process.env, platform: process.platform, home: homedir() });
  openDataFolderLog(dataDir);
  const saved = await new SettingsStore(dataDir).read().catch((error: unknown) => {
    log.warn('settings unreadable; speaking the system language', error);
    return undefined;
  });
  const t = await createTranslator(chooseCliLanguage(undefined, saved?.language, process.env));
  const browser = await findAppBrowser();
  if (browser) {
    console.error(`\n${t('cli.browserWindow', { browser: basename(browser) })}\n`);
    return openInAppWindow(appRoot, browser, dataDir);
  }
  const version = binary.state === 'binary-missing' ? binary.version : 'latest';
  console.error(`\n${t('cli.electronMissing', { version })}\n`);
  return 1;
}

/**
 * The same UI and core through the loopback bridge (per-run token, loopback only), shown in the browser's app
 * mode; closing that window stops the bridge.
 */
async function openInAppWindow(appRoot: string, browser: string, dataDir: string): Promise<number> {
  const bridge = spawn(process.execPath, [join(appRoot, 'out/main/web-bridge.js')], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const stopBridge = (): void => void bridge.kill('SIGTERM');
  try {
    const url = await bridgeAddress(bridge, 60_000);
    const window = spawn(browser, appWindowArgs(url, join(dataDir, 'app-window')), { stdio: 'ignore' });
    return await new Promise((resolve) => {
      window.on('error', () => resolve(1));
      window.on('exit', (code) => resolve(code ?? 0));
    });
  } finally {
    stopBridge();
  }
}

void launch().then((code) => {
  process.exitCode = code;
});
