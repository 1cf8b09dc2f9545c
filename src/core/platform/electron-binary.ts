import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type ElectronBinary =
  | { state: 'present'; path: string; version: string }
  | { state: 'binary-missing'; version: string }
  | { state: 'package-missing' };

/**
 * Finds the Electron binary installed for the app at `appRoot` the way the `electron` package does
 * (its path.txt names the file under dist/), without loading that package: it throws when the download failed.
 */
export async function findElectronBinary(appRoot: string): Promise<ElectronBinary> {
  let packageJson: string;
  try {
    packageJson = createRequire(join(appRoot, 'package.json')).resolve('electron/package.json');
  } catch {
    return { state: 'package-missing' };
  }
  const packageDir = dirname(packageJson);
  const { version } = JSON.parse(await readFile(packageJson, 'utf8')) as { version: string };
  try {
    const relative = (await readFile(join(packageDir, 'path.txt'), 'utf8')).trim();
    const path = join(packageDir, 'dist', relative);
    if ((await stat(path)).isFile()) return { state: 'present', path, version };
  } catch {
    // path.txt or the binary is absent: the postinstall download was skipped or failed.
  }
  return { state: 'binary-missing', version };
}
