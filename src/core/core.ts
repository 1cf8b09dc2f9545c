import { SettingsStore } from './settings/settings-store';
import { KeytarSecretStore } from './secrets/keytar-secret-store';
import type { SecretStore } from './secrets/secret-store';
import { VerifyOperations } from './verify/verify-operations';

/** The services every front end (Electron main, CLI, browser bridge) shares, built once per process. */
export interface Core {
  dataDir: string;
  settings: SettingsStore;
  secrets: SecretStore;
  verifications: VerifyOperations;
}

export function createCore(options: { dataDir: string; secrets?: SecretStore }): Core {
  return {
    dataDir: options.dataDir,
    settings: new SettingsStore(options.dataDir),
    secrets: options.secrets ?? new KeytarSecretStore(),
    verifications: new VerifyOperations(),
  };
}
