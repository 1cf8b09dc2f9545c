import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '@core/api/dispatch';
import { createHandlers, type Handlers } from '@core/api/handlers';
import { createCore } from '@core/core';
import { setLinuxAutostart } from '@core/platform/linux-autostart';
import type { SecretStore } from '@core/secrets/secret-store';
import { useTempDir } from '../../../support/use-temp-dir';

const dir = useTempDir('ponte-dispatch-');
let handlers: Handlers;
const opened: string[] = [];
const languages: string[] = [];

// These calls never touch secrets; a store that fails loudly proves it.
const unusedSecrets: SecretStore = {
  set: () => Promise.reject(new Error('not expected')),
  get: () => Promise.reject(new Error('not expected')),
  delete: () => Promise.reject(new Error('not expected')),
};

beforeEach(async () => {
  opened.length = 0;
  languages.length = 0;
  handlers = createHandlers(
    createCore({ dataDir: dir(), appRoot: join(__dirname, '../../../..'), secrets: unusedSecrets }),
    {
      shell: 'browser',
      appName: 'Ponte',
      appVersion: '9.9.9',
      appRoot: dir(),
      openExternal: async (url) => void opened.push(url),
      setStartAtLogin: async () => undefined,
      languageChanged: (language) => void languages.push(language),
    },
  );
});

describe('dispatch', () => {
  it('answers a valid call with an ok envelope', async () => {
    const result = await dispatch(handlers, 'app:info', undefined);
    expect(result).toMatchObject({ ok: true, value: { version: '9.9.9', shell: 'browser', dataDir: dir() } });
  });

  it('saves a setting and reads it back', async () => {
    const expected = {
      language: 'it',
      reminderDays: [14, 7, 3, 1],
      startAtLogin: false,
      reconnectDrives: true,
      managedBy: null,
    };
    expect(await dispatch(handlers, 'settings:update', { language: 'it' })).toEqual({
      ok: true,
      value: expected,
    });
    expect(await dispatch(handlers, 'settings:get', undefined)).toEqual({ ok: true, value: expected });
    // The desktop app's menu and tray follow the window's language; other settings do not disturb them.
    expect(languages).toEqual(['it']);
    await dispatch(handlers, 'settings:update', { reminderDays: [7] });
    expect(languages).toEqual(['it']);
  });

  it('a setting an IT profile locked cannot be changed from the window; the others can', async () => {
    const core = createCore({
      dataDir: dir(),
      appRoot: join(__dirname, '../../../..'),
      secrets: unusedSecrets,
    });
    await core.settings.update({
      reminderDays: [21, 7],
      managedBy: { organisation: 'Studio Test', locked: ['reminderDays'] },
    });
    expect(await dispatch(handlers, 'settings:update', { reminderDays: [1] })).toMatchObject({
      ok: false,
      error: { code: 'SETTING_LOCKED', message: 'Locked by Studio Test: reminderDays.' },
    });
    // The same value again is not a change.
    expect(await dispatch(handlers, 'settings:update', { reminderDays: [21, 7] })).toMatchObject({
      ok: true,
    });
    expect(await dispatch(handlers, 'settings:update', { language: 'de' })).toMatchObject({
      ok: true,
      value: { language: 'de', reminderDays: [21, 7] },
    });
  });

  it('does not claim to start at login when the autostart entry cannot be written', async () => {
    // A real failure: the autostart folder's parent is a plain file.
    await writeFile(join(dir(), 'not-a-folder'), '');
    const failing = createHandlers(
      createCore({ dataDir: dir(), appRoot: join(__dirname, '../../../..'), secrets: unusedSecrets }),
      {
        shell: 'browser',
        appName: 'Ponte',
        appVersion: '9.9.9',
        appRoot: dir(),
        openExternal: async () => undefined,
        setStartAtLogin: (enabled) =>
          setLinuxAutostart(
            enabled,
            ['/opt/ponte'],
            join(dir(), 'not-a-folder', 'autostart', 'ponte.desktop'),
          ),
      },
    );
    expect(await dispatch(failing, 'settings:update', { startAtLogin: true })).toMatchObject({
      ok: false,
      error: { code: 'START_AT_LOGIN_FAILED' },
    });
    expect(await dispatch(failing, 'settings:get', undefined)).toMatchObject({
      ok: true,
      value: { startAtLogin: false },
    });
  });

  it('refuses unknown channels before any handler runs', async () => {
    const result = await dispatch(handlers, 'fs:readFile', { path: '/etc/shadow' });
    expect(result).toEqual({ ok: false, error: { code: 'UNKNOWN_CHANNEL', message: 'Unknown call.' } });
  });

  it.each([
    ['settings:update', { language: 'klingon' }],
    ['settings:update', { language: 'it', extra: 1 }],
    ['settings:update', { reminderDays: [0] }],
    ['settings:update', { reminderDays: [1, 2, 3, 4, 5, 6, 7] }],
    ['accounts:change-password', { id: 'not-a-uuid', credentialId: 'main', password: 'x' }],
    // A typed password or a Nextcloud sign-in, exactly one.
    ['verify:start', { request: { username: 'a', imap: { host: 'h', port: 993, security: 'tls' } } }],
    [
      'verify:start',
      {
        request: { username: 'a', imap: { host: 'h', port: 993, security: 'tls' } },
        password: 'pw',
        loginFlowId: '7f1c2a4e-4a4b-4c4d-8e8f-9a9b9c9d9e9f',
      },
    ],
    ['nextcloud:start', { server: 'x' }],
    ['settings:update', 'it'],
    ['app:info', { unexpected: true }],
    ['links:open', { url: 42 }],
    ['verify:start', { request: { username: 'a', caldav: { url: 'http://dav.example/' } }, password: 'pw' }],
    ['verify:start', { request: { username: 'a' }, password: 'pw' }],
  ])('refuses invalid input for %s', async (channel, input) => {
    const result = await dispatch(handlers, channel, input);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('INVALID_INPUT');
  });

  it('opens only allow-listed links', async () => {
    expect(await dispatch(handlers, 'links:open', { url: 'https://github.com/electron/electron' })).toEqual({
      ok: true,
      value: { opened: true },
    });
    const refused = await dispatch(handlers, 'links:open', { url: 'https://evil.example/phish' });
    expect(!refused.ok && refused.error.code).toBe('LINK_NOT_ALLOWED');
    expect(opened).toEqual(['https://github.com/electron/electron']);
  });

  it('opens a catalogued provider’s app-password page, and nothing else on that provider’s say', async () => {
    const aruba = await dispatch(handlers, 'links:open', { url: 'https://account.aruba.it/pec' });
    expect(aruba).toEqual({ ok: true, value: { opened: true } });
    const lookalike = await dispatch(handlers, 'links:open', {
      url: 'https://account.aruba.it.evil.example/pec',
    });
    expect(!lookalike.ok && lookalike.error.code).toBe('LINK_NOT_ALLOWED');
    expect(opened).toEqual(['https://account.aruba.it/pec']);
  });

  it('checking or removing an account that does not exist says so by code', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    for (const channel of ['accounts:check', 'accounts:remove'] as const) {
      const result = await dispatch(handlers, channel, { id });
      expect(!result.ok && result.error.code).toBe('ACCOUNT_NOT_FOUND');
    }
  });

  it('carries a storage failure as its code, and keeps the old settings', async () => {
    await dispatch(handlers, 'settings:update', { language: 'de' });
    await writeFile(join(dir(), 'settings.json'), '{ broken');
    const result = await dispatch(handlers, 'settings:update', { language: 'fr' });
    expect(!result.ok && result.error.code).toBe('STORAGE_CORRUPT');
  });

  it('hides the details of unexpected failures from the caller but reports them', async () => {
    // An unexpected bug cannot be produced on purpose through real handlers: this one handler is replaced.
    const reported: unknown[] = [];
    const broken = {
      ...handlers,
      'app:info': () => Promise.reject(new Error('password=hunter2 at /secret/path')),
    };
    const result = await dispatch(broken, 'app:info', undefined, (error) => reported.push(error));
    expect(result).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'An unexpected error occurred. See the log for details.' },
    });
    expect(JSON.stringify(result)).not.toContain('hunter2');
    expect(reported).toHaveLength(1);
  });
});
