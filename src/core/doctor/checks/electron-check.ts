import type { DoctorCheck } from '@shared/models';
import { findElectronBinary } from '../../platform/electron-binary';

/** `runningElectron` is Electron's version when the check runs inside the desktop app itself. */
export async function checkElectron(appRoot: string, runningElectron?: string): Promise<DoctorCheck> {
  if (runningElectron) {
    return {
      id: 'electron',
      status: 'ok',
      detail: `Running in Electron ${runningElectron}.`,
      params: { version: runningElectron },
    };
  }
  const binary = await findElectronBinary(appRoot);
  if (binary.state === 'present') {
    return {
      id: 'electron',
      status: 'ok',
      detail: `Electron ${binary.version} found at ${binary.path}.`,
      params: { version: binary.version },
    };
  }
  return {
    id: 'electron',
    status: 'warn',
    detail:
      binary.state === 'binary-missing'
        ? `The Electron ${binary.version} package is installed but its binary was not downloaded.`
        : 'Electron is not installed.',
    hint: 'The command line works without it. For the desktop window run `npx install-electron` on a network that reaches GitHub (or with ELECTRON_MIRROR set to a mirror), or use the browser preview: npm run dev:web.',
  };
}
