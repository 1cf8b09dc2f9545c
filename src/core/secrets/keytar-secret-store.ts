import type * as KeytarModule from 'keytar';
import { rememberSecret } from '../log/logger';
import { keychainError } from './keychain-errors';
import { SECRET_SERVICE, type SecretStore } from './secret-store';

type Keytar = typeof KeytarModule;

/** The OS keychain through keytar. keytar is loaded on first use so a missing native build is a clear error. */
export class KeytarSecretStore implements SecretStore {
  private keytar: Promise<Keytar> | undefined;

  constructor(private readonly service: string = SECRET_SERVICE) {}

  // Every secret that passes through here is masked in the log from then on, whatever prints it.
  async set(account: string, secret: string): Promise<void> {
    rememberSecret(secret);
    const keytar = await this.load();
    await this.guard(() => keytar.setPassword(this.service, account, secret));
  }

  async get(account: string): Promise<string | null> {
    const keytar = await this.load();
    const secret = await this.guard(() => keytar.getPassword(this.service, account));
    if (secret !== null) rememberSecret(secret);
    return secret;
  }

  async delete(account: string): Promise<boolean> {
    const keytar = await this.load();
    return this.guard(() => keytar.deletePassword(this.service, account));
  }

  private load(): Promise<Keytar> {
    this.keytar ??= import('keytar')
      .then((module) => ('default' in module ? (module.default as Keytar) : module))
      .catch((error: unknown) => {
        this.keytar = undefined;
        throw keychainError(error);
      });
    return this.keytar;
  }

  private async guard<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      throw keychainError(error);
    }
  }
}
