import type { DoctorReport } from '@shared/models';
import type { SecretStore } from '../secrets/secret-store';
import { checkDataDir } from './checks/data-dir-check';
import { checkElectron } from './checks/electron-check';
import { checkKeychain } from './checks/keychain-check';
import { checkPlatformTools } from './checks/platform-tools-check';

export interface DoctorContext {
  dataDir: string;
  secrets: SecretStore;
  /** The folder holding Ponte's package.json, where node_modules/electron would be. */
  appRoot: string;
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  runningElectron?: string;
}

export async function runDoctor(context: DoctorContext): Promise<DoctorReport> {
  const checks = await Promise.all([
    checkDataDir(context.dataDir),
    checkKeychain(context.secrets),
    checkElectron(context.appRoot, context.runningElectron),
    checkPlatformTools(context.platform, context.env),
  ]);
  return { ok: checks.every((check) => check.status !== 'fail'), checks };
}
