import { join } from 'node:path';
import type { LastCheck } from '@shared/models';
import { PonteError } from '../errors/ponte-error';
import type { ConfiguredTarget } from '../targets/plan-schema';
import type { SecretStore } from '../secrets/secret-store';
import { readVersionedFile, writeVersionedFile, type VersionedFile } from '../storage/versioned-file';
import { mergeLastCheck } from './account-builders';
import { type Account, accountsFileSchema, secretKey, type StoredCredential } from './account-schema';

type AccountsFile = { accounts: Account[] };

/**
 * Accounts on disk (atomic, versioned) and their secrets in the keychain, kept in step: a secret is written
 * before the account that needs it and removed after it, and a failure half-way undoes what was done, so
 * neither an account without its password nor an orphan password is left behind.
 */
export class AccountStore {
  private readonly file: VersionedFile<AccountsFile>;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    dataDir: string,
    private readonly secrets: SecretStore,
  ) {
    this.file = {
      path: join(dataDir, 'accounts.json'),
      label: 'accounts',
      version: 1,
      schema: accountsFileSchema,
      defaults: () => ({ accounts: [] }),
    };
  }

  async list(): Promise<Account[]> {
    return (await readVersionedFile(this.file)).accounts;
  }

  async get(id: string): Promise<Account> {
    const account = (await this.list()).find((candidate) => candidate.id === id);
    if (!account) throw new PonteError('ACCOUNT_NOT_FOUND', `No account with id ${id}.`);
    return account;
  }

  /** The secret of one credential, from the keychain; never cached, never written anywhere else. */
  async secret(account: Account, credentialId: string): Promise<string> {
    const secret = await this.secrets.get(secretKey(account.id, credentialId));
    if (secret === null) {
      throw new PonteError(
        'SECRET_MISSING',
        `The keychain has no password for ${account.email} (${credentialId}).`,
        'Enter the password again for this account.',
      );
    }
    return secret;
  }

  /**
   * A new password waiting to replace a credential's (during a rotation), in its own keychain entry beside the
   * old one, which stays in use until the rotation commits.
   */
  pending = {
    set: (id: string, credentialId: string, secret: string): Promise<void> =>
      this.secrets.set(pendingKey(id, credentialId), secret),
    get: (id: string, credentialId: string): Promise<string | null> =>
      this.secrets.get(pendingKey(id, credentialId)),
    delete: (id: string, credentialId: string): Promise<boolean> =>
      this.secrets.delete(pendingKey(id, credentialId)),
  };

  add(account: Account, secrets: Record<string, string>): Promise<Account> {
    return this.serial(async () => {
      const file = await readVersionedFile(this.file);
      const written: string[] = [];
      try {
        for (const credential of account.credentials) {
          const secret = secrets[credential.id];
          if (!secret) throw new PonteError('INVALID_INPUT', `No password given for ${credential.id}.`);
          const key = secretKey(account.id, credential.id);
          await this.secrets.set(key, secret);
          written.push(key);
        }
        await writeVersionedFile(this.file, { accounts: [...file.accounts, account] });
        return account;
      } catch (error) {
        await Promise.allSettled(written.map((key) => this.secrets.delete(key)));
        throw error;
      }
    });
  }

  /**
   * Keeps the outcome of a real check, laid over what the account knew (mergeLastCheck); an account removed
   * meanwhile is left alone.
   */
  recordCheck(id: string, lastCheck: LastCheck): Promise<void> {
    return this.update(id, (account) => ({
      ...account,
      lastCheck: mergeLastCheck(account.lastCheck, lastCheck),
    }));
  }

  /** Records a target set up for the account (replacing an earlier record of the same target). */
  recordTarget(id: string, configured: ConfiguredTarget): Promise<void> {
    return this.update(id, (account) => ({
      ...account,
      targets: [...(account.targets ?? []).filter((t) => t.target !== configured.target), configured],
    }));
  }

  forgetTarget(id: string, target: ConfiguredTarget['target']): Promise<void> {
    return this.update(id, (account) => ({
      ...account,
      targets: (account.targets ?? []).filter((t) => t.target !== target),
    }));
  }

  /**
   * A new password for one credential, already verified by the caller: the keychain entry is replaced in
   * one call (the old one stays if the keychain refuses), then the credential's age restarts.
   */
  async replaceSecret(id: string, credentialId: string, secret: string, now: Date): Promise<Account> {
    const account = await this.get(id);
    if (!account.credentials.some((credential) => credential.id === credentialId)) {
      throw new PonteError('INVALID_INPUT', `Account ${id} has no credential ${credentialId}.`);
    }
    await this.secrets.set(secretKey(id, credentialId), secret);
    await this.update(id, (current) => ({
      ...current,
      credentials: current.credentials.map((credential) =>
        credential.id === credentialId
          ? { ...withoutExtension(credential), createdAt: now.toISOString() }
          : credential,
      ),
    }));
    return this.get(id);
  }

  /**
   * The provider extended a password (Aruba PEC: "prolunga" for another 3 months): the same password, its
   * lifetime counted again from `at`. Only for a password with a lifetime.
   */
  async extendCredential(id: string, credentialId: string, at: Date): Promise<Account> {
    const account = await this.get(id);
    const credential = account.credentials.find((candidate) => candidate.id === credentialId);
    if (!credential)
      throw new PonteError('INVALID_INPUT', `Account ${id} has no credential ${credentialId}.`);
    if (credential.lifetimeDays === null) {
      throw new PonteError(
        'INVALID_INPUT',
        `The password of ${credential.username} has no lifetime to extend.`,
      );
    }
    await this.update(id, (current) => ({
      ...current,
      credentials: current.credentials.map((entry) =>
        entry.id === credentialId ? { ...entry, extendedAt: at.toISOString() } : entry,
      ),
    }));
    return this.get(id);
  }

  /** Removes the keychain entries first: if the keychain refuses, the account stays listed, intact. */
  remove(id: string): Promise<Account> {
    return this.serial(async () => {
      const file = await readVersionedFile(this.file);
      const account = file.accounts.find((candidate) => candidate.id === id);
      if (!account) throw new PonteError('ACCOUNT_NOT_FOUND', `No account with id ${id}.`);
      for (const credential of account.credentials) await this.secrets.delete(secretKey(id, credential.id));
      await writeVersionedFile(this.file, {
        accounts: file.accounts.filter((candidate) => candidate.id !== id),
      });
      return account;
    });
  }

  private update(id: string, change: (account: Account) => Account): Promise<void> {
    return this.serial(async () => {
      const file = await readVersionedFile(this.file);
      if (!file.accounts.some((account) => account.id === id)) return;
      await writeVersionedFile(this.file, {
        accounts: file.accounts.map((account) => (account.id === id ? change(account) : account)),
      });
    });
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

/** A credential as it is before any extension (a new password starts its own lifetime). */
function withoutExtension(credential: StoredCredential): StoredCredential {
  const rest = { ...credential };
  delete rest.extendedAt;
  return rest;
}

const pendingKey = (id: string, credentialId: string): string => `${secretKey(id, credentialId)}:pending`;
