import type { DoctorCheck } from '@shared/models';
import { PonteError } from '../../errors/ponte-error';
import { keychainError } from '../../secrets/keychain-errors';
import { probeKeychain } from '../../secrets/keychain-probe';
import type { SecretStore } from '../../secrets/secret-store';

export async function checkKeychain(store: SecretStore): Promise<DoctorCheck> {
  try {
    await probeKeychain(store);
    return {
      id: 'keychain',
      status: 'ok',
      detail: 'Keychain reachable: a probe secret was stored, read back and deleted.',
    };
  } catch (error) {
    const failure = error instanceof PonteError ? error : keychainError(error);
    return {
      id: 'keychain',
      status: 'fail',
      detail: failure.message,
      ...(failure.hint === undefined ? {} : { hint: failure.hint }),
      params: { code: failure.code },
    };
  }
}
