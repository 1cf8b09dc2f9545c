import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  accountFromRequest,
  lastCheckFrom,
  mergeLastCheck,
  summarizeAccount,
} from '@core/accounts/account-builders';
import type { LastCheck } from '@shared/models';
import { AccountStore } from '@core/accounts/account-store';
import { removeAccount } from '@core/accounts/remove-account';
import { PonteError } from '@core/errors/ponte-error';
import type { SecretStore } from '@core/secrets/secret-store';
import { useTempDir } from '../../../support/use-temp-dir';

// The real keychain is exercised in test/integration/cli/ponte-account.test.ts. Here a stand-in keychain
// that can refuse on demand, because a keychain that locks itself half-way through a save cannot be
// produced on cue.
class FlakyKeychain implements SecretStore {
  readonly entries = new Map<string, string>();
  refuseSet = false;
  refuseDelete = false;
  async set(account: string, secret: string): Promise<void> {
    if (this.refuseSet) throw new PonteError('KEYCHAIN_LOCKED', 'locked');
    this.entries.set(account, secret);
  }
  async get(account: string): Promise<string | null> {
    return this.entries.get(account) ?? null;
  }
  async delete(account: string): Promise<boolean> {
    if (this.refuseDelete) throw new PonteError('KEYCHAIN_LOCKED', 'locked');
    return this.entries.delete(account);
  }
}

const draft = (email: string) =>
  accountFromRequest(
    {
      email,
      kind: 'app-password',
      lifetimeDays: 90,
      request: { username: email, imap: { host: 'imaps.pec.aruba.it', port: 993, security: 'tls' } },
    },
    new Date('2026-11-23T10:00:00Z'),
  );

const dir = useTempDir('ponte-store-');
let keychain: FlakyKeychain;
let store: AccountStore;
beforeEach(async () => {
  keychain = new FlakyKeychain();
  store = new AccountStore(dir(), keychain);
});

describe('AccountStore', () => {
  it('keeps the secret in the keychain and everything else in accounts.json, never the secret', async () => {
    const account = draft('a@pec.it');
    await store.add(account, { main: 's3cret-pw' });
    expect(keychain.entries.get(`account:${account.id}:main`)).toBe('s3cret-pw');
    const file = await readFile(join(dir(), 'accounts.json'), 'utf8');
    expect(file).not.toContain('s3cret-pw');
    expect(JSON.parse(file)).toMatchObject({ schemaVersion: 1, data: { accounts: [{ id: account.id }] } });
    expect(await store.secret(account, 'main')).toBe('s3cret-pw');
  });

  it('a locked keychain: clear error, nothing saved', async () => {
    keychain.refuseSet = true;
    await expect(store.add(draft('a@pec.it'), { main: 'pw-1234' })).rejects.toMatchObject({
      code: 'KEYCHAIN_LOCKED',
    });
    expect(await store.list()).toEqual([]);
  });

  it('a file that cannot be written: the keychain entry is taken back, the old file is intact', async () => {
    const first = draft('first@pec.it');
    await store.add(first, { main: 'pw-first' });
    const before = await readFile(join(dir(), 'accounts.json'), 'utf8');
    // A directory squatting on the temp file's name makes the atomic write fail for real, even as root.
    const broken = new AccountStore(join(dir(), 'accounts.json', 'nested'), keychain);
    const second = draft('second@pec.it');
    await expect(broken.add(second, { main: 'pw-second' })).rejects.toBeInstanceOf(PonteError);
    expect(keychain.entries.has(`account:${second.id}:main`)).toBe(false);
    expect(await readFile(join(dir(), 'accounts.json'), 'utf8')).toBe(before);
  });

  it('remove: when the keychain refuses, the account stays listed and intact', async () => {
    const account = draft('a@pec.it');
    await store.add(account, { main: 'pw-1234' });
    keychain.refuseDelete = true;
    await expect(store.remove(account.id)).rejects.toMatchObject({ code: 'KEYCHAIN_LOCKED' });
    expect((await store.list()).map((a) => a.id)).toEqual([account.id]);
    keychain.refuseDelete = false;
    await store.remove(account.id);
    expect(await store.list()).toEqual([]);
    expect(keychain.entries.size).toBe(0);
  });

  it('a missing secret is reported as such, not as a wrong password', async () => {
    const account = draft('a@pec.it');
    await store.add(account, { main: 'pw-1234' });
    keychain.entries.clear();
    await expect(store.secret(account, 'main')).rejects.toMatchObject({ code: 'SECRET_MISSING' });
  });

  it('a corrupt accounts.json is never overwritten by a save', async () => {
    await writeFile(join(dir(), 'accounts.json'), '{ not json');
    await expect(store.add(draft('a@pec.it'), { main: 'pw-1234' })).rejects.toMatchObject({
      code: 'STORAGE_CORRUPT',
    });
    expect(await readFile(join(dir(), 'accounts.json'), 'utf8')).toBe('{ not json');
    expect(keychain.entries.size).toBe(0);
  });
});

describe('summarizeAccount', () => {
  it('dates the expiry from the lifetime, counts the age, and says nothing of secrets', () => {
    const summary = summarizeAccount(draft('a@pec.it'), new Date('2026-12-03T09:00:00Z'));
    expect(summary.credentials[0]?.expiresAt).toBe('2027-02-21T10:00:00.000Z');
    // Entered 2026-11-23 10:00: 9 whole days later, not yet 10.
    expect(summary.credentials[0]?.ageDays).toBe(9);
    expect(summary.services).toEqual(['imap']);
    expect(Object.keys(summary.credentials[0] ?? {}).sort()).toEqual(
      ['ageDays', 'createdAt', 'expiresAt', 'id', 'kind', 'lifetimeDays', 'status', 'username'].sort(),
    );
    expect(summary.credentials[0]?.status).toEqual({ state: 'ok', daysLeft: 80, threshold: null });
  });
});

describe('an extended password', () => {
  it('counts its lifetime again from the extension; a new password drops the extension', async () => {
    const account = draft('a@pec.it');
    await store.add(account, { main: 'one' });
    const extended = await store.extendCredential(account.id, 'main', new Date('2027-02-20T08:00:00Z'));
    expect(summarizeAccount(extended, new Date('2027-02-25T08:00:00Z')).credentials[0]).toMatchObject({
      extendedAt: '2027-02-20T08:00:00.000Z',
      expiresAt: '2027-05-21T08:00:00.000Z',
      status: { state: 'ok' },
    });
    const renewed = await store.replaceSecret(account.id, 'main', 'two', new Date('2027-03-01T08:00:00Z'));
    expect(renewed.credentials[0]?.extendedAt).toBeUndefined();
    expect(summarizeAccount(renewed).credentials[0]?.expiresAt).toBe('2027-05-30T08:00:00.000Z');
  });

  it('a password without a lifetime cannot be extended; nothing changes', async () => {
    const account = { ...draft('b@pec.it') };
    account.credentials = account.credentials.map((credential) => ({ ...credential, lifetimeDays: null }));
    await store.add(account, { main: 'one' });
    await expect(store.extendCredential(account.id, 'main', new Date())).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    expect((await store.get(account.id)).credentials[0]?.extendedAt).toBeUndefined();
  });
});

describe('removing an account that set something up here', () => {
  const target = {
    target: 'mount' as const,
    at: '2026-11-23T10:00:00.000Z',
    location: 'davs://a@dav.example/',
    // A bookmark line in a file of the test's own: undoing it is a real, checkable change.
    undo: [] as { kind: 'remove-line'; file: string; line: string }[],
  };

  it('asks first, then takes it back or leaves it as told', async () => {
    const bookmarks = join(dir(), 'bookmarks');
    await writeFile(bookmarks, 'file:///srv Shared\ndavs://a@dav.example/ Drive\n');
    const withTarget = {
      ...target,
      undo: [{ kind: 'remove-line' as const, file: bookmarks, line: 'davs://a@dav.example/ Drive' }],
    };
    const first = draft('a@pec.it');
    await store.add(first, { main: 'pw-1' });
    await store.recordTarget(first.id, withTarget);
    await expect(removeAccount(store, first.id)).rejects.toMatchObject({ code: 'TARGETS_CONFIGURED' });
    expect((await store.list()).map((a) => a.id)).toEqual([first.id]);

    await removeAccount(store, first.id, true);
    expect(await store.list()).toEqual([]);
    expect(await readFile(bookmarks, 'utf8')).toBe('file:///srv Shared\n');

    const second = draft('b@pec.it');
    await store.add(second, { main: 'pw-2' });
    await store.recordTarget(second.id, {
      ...withTarget,
      undo: [{ kind: 'remove-line' as const, file: bookmarks, line: 'file:///srv Shared' }],
    });
    await removeAccount(store, second.id, false);
    expect(await store.list()).toEqual([]);
    expect(await readFile(bookmarks, 'utf8')).toBe('file:///srv Shared\n');
  });
});

describe('lastCheckFrom', () => {
  const at = new Date('2026-11-23T12:00:00Z');
  it('keeps a finished check per service, and says nothing of a cancelled one', () => {
    expect(
      lastCheckFrom(
        [
          { service: 'imap', status: 'ok', code: null, durationMs: 5 },
          { service: 'smtp', status: 'failed', code: 'AUTH_FAILED', durationMs: 5 },
        ],
        at,
      ),
    ).toEqual({
      at: '2026-11-23T12:00:00.000Z',
      results: [
        { service: 'imap', status: 'ok', code: null },
        { service: 'smtp', status: 'failed', code: 'AUTH_FAILED' },
      ],
    });
    expect(
      lastCheckFrom(
        [
          { service: 'imap', status: 'ok', code: null, durationMs: 5 },
          { service: 'smtp', status: 'skipped', code: 'CANCELLED', durationMs: 5 },
        ],
        at,
      ),
    ).toBeNull();
  });

  it('says nothing either when no server could be reached (offline)', () => {
    const offline = (service: 'imap' | 'smtp', code: 'TIMEOUT' | 'HOST_NOT_FOUND') =>
      ({ service, status: 'failed', code, durationMs: 5 }) as const;
    expect(lastCheckFrom([offline('imap', 'TIMEOUT'), offline('smtp', 'HOST_NOT_FOUND')], at)).toBeNull();
  });

  it('keeps the mailbox quota an IMAP login read', () => {
    const found = { capabilities: [], folders: [], quota: { usedBytes: 800, limitBytes: 1000 } };
    expect(
      lastCheckFrom([{ service: 'imap', status: 'ok', code: null, durationMs: 5, found }], at)?.quota,
    ).toEqual({ usedBytes: 800, limitBytes: 1000 });
  });
});

describe('mergeLastCheck', () => {
  const before: LastCheck = {
    at: '2026-11-20T12:00:00.000Z',
    results: [
      { service: 'imap', status: 'failed', code: 'AUTH_FAILED' },
      { service: 'caldav', status: 'ok', code: null },
    ],
  };

  it('keeps what the new check did not try, and an earlier refusal a dead server cannot unsay', () => {
    const merged = mergeLastCheck(before, {
      at: '2026-11-23T12:00:00.000Z',
      results: [
        { service: 'smtp', status: 'ok', code: null },
        { service: 'imap', status: 'failed', code: 'TIMEOUT' },
      ],
    });
    expect(merged).toEqual({
      at: '2026-11-23T12:00:00.000Z',
      results: [
        { service: 'imap', status: 'failed', code: 'AUTH_FAILED' },
        { service: 'smtp', status: 'ok', code: null },
        { service: 'caldav', status: 'ok', code: null },
      ],
    });
  });

  it('a server that answers again replaces the refusal', () => {
    const merged = mergeLastCheck(before, {
      at: '2026-11-23T12:00:00.000Z',
      results: [{ service: 'imap', status: 'ok', code: null }],
    });
    expect(merged.results[0]).toEqual({ service: 'imap', status: 'ok', code: null });
  });

  it('the quota is the fresh one when IMAP was read, else the one kept', () => {
    const withQuota: LastCheck = { ...before, quota: { usedBytes: 10, limitBytes: 100 } };
    const caldavOnly = mergeLastCheck(withQuota, {
      at: '2026-11-23T12:00:00.000Z',
      results: [{ service: 'caldav', status: 'ok', code: null }],
    });
    expect(caldavOnly.quota).toEqual({ usedBytes: 10, limitBytes: 100 });
    const imapRead = mergeLastCheck(withQuota, {
      at: '2026-11-23T12:00:00.000Z',
      results: [{ service: 'imap', status: 'ok', code: null }],
      quota: { usedBytes: 90, limitBytes: 100 },
    });
    expect(imapRead.quota).toEqual({ usedBytes: 90, limitBytes: 100 });
    const noQuotaAnyMore = mergeLastCheck(withQuota, {
      at: '2026-11-23T12:00:00.000Z',
      results: [{ service: 'imap', status: 'ok', code: null }],
    });
    expect(noQuotaAnyMore.quota).toBeUndefined();
  });
});
