import type { SecretStore } from '@core/secrets/secret-store';

// Keychains for tests that are not about the keychain (the real one is exercised by the CLI, integration and
// E2E tests): one that holds what it is given, and one that fails loudly, proving a path never touches it.

export function heldSecrets(): SecretStore {
  const entries = new Map<string, string>();
  return {
    set: async (account, secret) => void entries.set(account, secret),
    get: async (account) => entries.get(account) ?? null,
    delete: async (account) => entries.delete(account),
  };
}

export const untouchedSecrets: SecretStore = {
  set: () => Promise.reject(new Error('the keychain was not expected to be used')),
  get: () => Promise.reject(new Error('the keychain was not expected to be used')),
  delete: () => Promise.reject(new Error('the keychain was not expected to be used')),
};
