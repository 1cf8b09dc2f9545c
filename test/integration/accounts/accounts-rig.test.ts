import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import keytar from 'keytar';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { dispatch } from '@core/api/dispatch';
import { createHandlers, type Handlers } from '@core/api/handlers';
import { createCore } from '@core/core';
import type { AccountSummary, PasswordChange } from '@shared/models';
import type { VerifyProgress, VerifyRequest } from '@shared/verify';
import { rigUser } from '../verify/rig-targets';
import { useTempDir } from '../../support/use-temp-dir';

const rig = inject('rig');
const anna = rigUser(rig, 0);
const marco = rigUser(rig, 1);
const dir = useTempDir('ponte-accounts-', 'all');
let handlers: Handlers;

beforeAll(async () => {
  handlers = createHandlers(createCore({ dataDir: dir(), appRoot: join(__dirname, '../../..') }), {
    shell: 'browser',
    appName: 'Ponte',
    appVersion: '0.0.0',
    appRoot: dir(),
    openExternal: async () => undefined,
    setStartAtLogin: async () => undefined,
  });
});

async function call<T>(channel: Parameters<typeof dispatch>[1], input: unknown): Promise<T> {
  const envelope = await dispatch(handlers, channel, input);
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value as T;
}

async function finished(progress: VerifyProgress): Promise<VerifyProgress> {
  let current = progress;
  while (!current.done) {
    current = await call('verify:status', {
      operationId: current.operationId,
      afterVersion: current.version,
    });
  }
  return current;
}

// Like Infomaniak: mail with the mailbox password, calendars and contacts with another login and password
// (here the rig's second user, so the servers really see two different credentials).
const severalCredentials: VerifyRequest = {
  username: anna.login,
  imap: { host: rig.imap.host, port: rig.imap.tlsPort, security: 'tls' },
  smtp: { host: rig.smtp.host, port: rig.smtp.submissionPort, security: 'starttls' },
  caldav: { url: rig.caldav.url },
  carddav: { url: rig.caldav.url },
  credentials: [{ id: 'sync', username: marco.login }],
  use: { caldav: 'sync', carddav: 'sync' },
  caPem: rig.caPem,
};

describe('accounts with several credentials, against the rig and the real keychain', () => {
  let saved: AccountSummary;

  it('checks each service with its own credential', async () => {
    const progress = await finished(
      await call('verify:start', {
        request: severalCredentials,
        password: anna.password,
        passwords: { sync: marco.password },
      }),
    );
    expect(progress.results.map((r) => [r.service, r.status])).toEqual([
      ['imap', 'ok'],
      ['smtp', 'ok'],
      ['caldav', 'ok'],
      ['carddav', 'ok'],
    ]);
    const caldav = progress.results.find((r) => r.service === 'caldav');
    expect(caldav?.service === 'caldav' && caldav.found?.principalUrl).toContain(
      encodeURIComponent(marco.login),
    );
    // The wrong password on one credential fails exactly the services using it.
    const wrong = await finished(
      await call('verify:start', {
        request: severalCredentials,
        password: anna.password,
        passwords: { sync: 'not-the-password' },
      }),
    );
    expect(wrong.results.map((r) => [r.service, r.code])).toEqual([
      ['imap', null],
      ['smtp', null],
      ['caldav', 'AUTH_FAILED'],
      ['carddav', 'AUTH_FAILED'],
    ]);
  });

  it('refuses a request naming a credential without its password, before connecting anywhere', async () => {
    const envelope = await dispatch(handlers, 'verify:start', {
      request: severalCredentials,
      password: anna.password,
    });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const undeclared = await dispatch(handlers, 'verify:start', {
      request: { ...severalCredentials, credentials: [] },
      password: anna.password,
      passwords: { sync: marco.password },
    });
    expect(undeclared).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('saves one keychain entry per credential, the choices made, and the check that proved it', async () => {
    saved = await call('accounts:add', {
      request: severalCredentials,
      password: anna.password,
      passwords: { sync: marco.password },
      email: anna.email,
      kind: 'mailbox-password',
      credentialFacts: { sync: { kind: 'app-password', lifetimeDays: 90 } },
      selection: { calendars: [], addressBooks: [], mountDrive: false, setUpMail: true },
    });
    expect(saved.credentials.map((c) => [c.id, c.kind, c.username, c.lifetimeDays])).toEqual([
      ['main', 'mailbox-password', anna.login, null],
      ['sync', 'app-password', marco.login, 90],
    ]);
    expect(saved.serviceCredentials).toEqual({ imap: 'main', smtp: 'main', caldav: 'sync', carddav: 'sync' });
    expect(saved.selection?.setUpMail).toBe(true);
    expect(saved.lastCheck?.results.every((r) => r.status === 'ok')).toBe(true);
    expect(await keytar.getPassword('Ponte', `account:${saved.id}:main`)).toBe(anna.password);
    expect(await keytar.getPassword('Ponte', `account:${saved.id}:sync`)).toBe(marco.password);
    for (const name of await readdir(dir())) {
      const text = await readFile(join(dir(), name), 'utf8');
      expect(text).not.toContain(anna.password);
      expect(text).not.toContain(marco.password);
    }
  });

  it('keeps the outcome of "check now" with the account, for the dashboard after a restart', async () => {
    const before = saved.lastCheck?.at ?? '';
    const progress = await finished(await call('accounts:check', { id: saved.id }));
    expect(progress.results.every((r) => r.status === 'ok')).toBe(true);
    const [listed] = await call<AccountSummary[]>('accounts:list', undefined);
    expect(listed?.lastCheck?.at && listed.lastCheck.at >= before).toBe(true);
    expect(listed?.lastCheck?.results.map((r) => r.service)).toEqual(['imap', 'smtp', 'caldav', 'carddav']);
  });

  it('a refused new password changes nothing; an accepted one replaces only that credential', async () => {
    const refused = await call<PasswordChange>('accounts:change-password', {
      id: saved.id,
      credentialId: 'sync',
      password: 'a-new-app-password-that-is-wrong',
    });
    expect(refused.saved).toBe(false);
    // Only the services using that credential were tried.
    expect(refused.results.map((r) => [r.service, r.code])).toEqual([
      ['caldav', 'AUTH_FAILED'],
      ['carddav', 'AUTH_FAILED'],
    ]);
    expect(await keytar.getPassword('Ponte', `account:${saved.id}:sync`)).toBe(marco.password);

    const accepted = await call<PasswordChange>('accounts:change-password', {
      id: saved.id,
      credentialId: 'sync',
      password: marco.password,
    });
    expect(accepted.saved).toBe(true);
    const sync = accepted.account.credentials.find((c) => c.id === 'sync');
    const main = accepted.account.credentials.find((c) => c.id === 'main');
    // The new password's age starts now; the other credential keeps its own.
    expect(Date.parse(sync?.createdAt ?? '')).toBeGreaterThan(Date.parse(saved.createdAt));
    expect(main?.createdAt).toBe(saved.createdAt);
    expect(JSON.stringify(accepted)).not.toContain(marco.password);
  });

  it('removal takes every credential out of the keychain', async () => {
    await call('accounts:remove', { id: saved.id });
    expect(await keytar.getPassword('Ponte', `account:${saved.id}:main`)).toBeNull();
    expect(await keytar.getPassword('Ponte', `account:${saved.id}:sync`)).toBeNull();
  });
});

// Core decides PEC and each password's kind and lifetime from the provider; the window passes only what the
// person said: here the answer to "is two-step verification on?" for an Aruba PEC box (on the rig's servers).
describe('the person’s answers, decided on in core', () => {
  const mailOnly: VerifyRequest = {
    username: anna.login,
    imap: { host: rig.imap.host, port: rig.imap.tlsPort, security: 'tls' },
    caPem: rig.caPem,
  };

  it.each([
    [true, 'app-password', 90],
    [false, 'mailbox-password', null],
  ])('two-step verification on: %s → an Aruba PEC box with a %s, lifetime %s', async (on, kind, days) => {
    const saved = await call<AccountSummary>('accounts:add', {
      request: mailOnly,
      password: anna.password,
      email: anna.email,
      providerId: 'aruba-pec',
      twoStep: on,
    });
    expect(saved.pec).toBe(true);
    expect(saved.credentials.map((c) => [c.kind, c.lifetimeDays])).toEqual([[kind, days]]);
    await call('accounts:remove', { id: saved.id });
  });

  it('a PEC box is said so by the person even without a catalogued provider', async () => {
    const saved = await call<AccountSummary>('accounts:add', {
      request: mailOnly,
      password: anna.password,
      email: anna.email,
      kind: 'mailbox-password',
      pec: true,
    });
    expect(saved.pec).toBe(true);
    await call('accounts:remove', { id: saved.id });
  });
});
