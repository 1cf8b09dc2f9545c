import { randomBytes } from 'node:crypto';
import { PonteError } from '../errors/ponte-error';
import type { SecretStore } from './secret-store';

/** Proves the keychain works end to end: store a random probe secret, read it back, delete it. */
export async function probeKeychain(store: SecretStore): Promise<void> {
  const account = `ponte-probe-${randomBytes(6).toString('hex')}`;
  const secret = randomBytes(18).toString('base64url');
  await store.set(account, secret);
  try {
    const readBack = await store.get(account);
    if (readBack !== secret) {
      throw new PonteError(
        'KEYCHAIN_UNAVAILABLE',
        'The keychain accepted a secret but returned something else when read back.',
        'Restart your keyring service (or log out and in again) and run the check again.',
      );
    }
  } finally {
    await store.delete(account);
  }
}
