import { expect, it } from 'vitest';
import { accountFromRequest } from '@core/accounts/account-builders';
import { AccountStore } from '@core/accounts/account-store';
import type { SecretStore } from '@core/secrets/secret-store';
import { configureTarget } from '@core/targets/configure-target';
import { useTempDir } from '../../../../support/use-temp-dir';

// A dry run computes the plan only: no keychain read, no command. A store that fails loudly proves it.
const unusedSecrets: SecretStore = {
  set: async () => undefined,
  get: () => Promise.reject(new Error('not expected')),
  delete: () => Promise.reject(new Error('not expected')),
};

const dir = useTempDir('ponte-letter-');

it('a profile’s drive letter reaches the Windows mapping (default Z:)', async () => {
  const store = new AccountStore(dir(), unusedSecrets);
  const account = accountFromRequest(
    {
      email: 'anna@studio.example',
      kind: 'app-password',
      request: { username: 'anna@studio.example', webdav: { url: 'https://files.studio.example/dav/anna/' } },
    },
    new Date('2026-11-23T10:00:00Z'),
  );
  await store.add(account, { main: 'x' });
  const context = { store, dataDir: dir(), os: 'win32' as const, home: dir(), env: {} };
  const lettered = await configureTarget(context, account.id, 'mount', { dryRun: true, driveLetter: 'p' });
  expect(lettered.location).toBe('P:');
  expect(lettered.changed).toBe(false);
  const plain = await configureTarget(context, account.id, 'mount', { dryRun: true });
  expect(plain.location).toBe('Z:');
});
