// `npm start`: opens the desktop app when Electron's binary is installed, otherwise explains what to do.
import { spawn, spawnSync } from 'node:child_process';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { findElectronBinary } from '@core/platform/electron-binary';
import { resolveDataDir } from '@core/paths/data-dir';
import { SettingsStore } from '@core/settings/settings-store';
import { createTranslator } from '@shared/i18n/translator';
import { chooseCliLanguage } from './cli-i18n';

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
  const saved = await new SettingsStore(dataDir).read().catch(() => undefined);
  const t = await createTranslator(chooseCliLanguage(undefined, saved?.language, process.env));
  const version = binary.state === 'binary-missing' ? binary.version : 'latest';
  console.error(`\n${t('cli.electronMissing', { version })}\n`);
  return 1;
}

void launch().then((code) => {
  process.exitCode = code;
});
