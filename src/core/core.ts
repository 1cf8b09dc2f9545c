import { hostname } from 'node:os';
import { join } from 'node:path';
import { AccountStore } from './accounts/account-store';
import { LoginFlows } from './nextcloud/login-flows';
import type { Catalog } from './providers/catalog';
import { SettingsStore } from './settings/settings-store';
import { KeytarSecretStore } from './secrets/keytar-secret-store';
import type { SecretStore } from './secrets/secret-store';
import { VerifyOperations } from './verify/verify-operations';
import { OperationRegistry } from './async/operation-registry';
import type { PecTestStatus } from '@shared/pec';
import type { ArchiveStatus } from '@shared/pec-archive';

/** The services every front end (Electron main, CLI, browser bridge) shares, built once per process. */
export interface Core {
  dataDir: string;
  settings: SettingsStore;
  secrets: SecretStore;
  verifications: VerifyOperations;
  /** Nextcloud sign-ins in the browser (Login Flow v2) under way. */
  loginFlows: LoginFlows;
  /** Test PECs and archives the window started and follows. */
  pecTests: OperationRegistry<PecTestStatus>;
  pecArchives: OperationRegistry<ArchiveStatus>;
  accounts: AccountStore;
  /** The provider catalog, read and validated once, on first use. */
  catalog(): Promise<Catalog>;
  /** `host:port` of a DNS server for discovery (PONTE_DNS_SERVER); the system's when undefined. */
  dnsServer: string | undefined;
}

export interface CoreOptions {
  dataDir: string;
  /** The app's root (package.json's folder): the catalog is in resources/providers under it. */
  appRoot: string;
  secrets?: SecretStore;
  env?: NodeJS.ProcessEnv;
}

export function createCore(options: CoreOptions): Core {
  let catalog: Promise<Catalog> | undefined;
  const secrets = options.secrets ?? new KeytarSecretStore();
  return {
    accounts: new AccountStore(options.dataDir, secrets),
    catalog: () => {
      // Loaded with its schema on first use: most commands never read the catalog.
      catalog ??= import('./providers/catalog').then(({ loadCatalog }) =>
        loadCatalog(join(options.appRoot, 'resources', 'providers')),
      );
      // A failed load is not cached: the next call tries again.
      catalog.catch(() => {
        catalog = undefined;
      });
      return catalog;
    },
    dnsServer: (options.env ?? process.env).PONTE_DNS_SERVER || undefined,
    dataDir: options.dataDir,
    settings: new SettingsStore(options.dataDir),
    secrets,
    verifications: new VerifyOperations(),
    loginFlows: new LoginFlows({ userAgent: `Ponte (${hostname()})` }),
    pecTests: new OperationRegistry<PecTestStatus>(),
    pecArchives: new OperationRegistry<ArchiveStatus>(),
  };
}
