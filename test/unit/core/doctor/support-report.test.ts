import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { accountFromRequest } from '@core/accounts/account-builders';
import { AccountStore } from '@core/accounts/account-store';
import { buildSupportReport, writeSupportReport } from '@core/doctor/support-report';
import { PonteError } from '@core/errors/ponte-error';
import { closeDataFolderLog, openDataFolderLog } from '@core/log/data-folder-log';
import { logFor, rememberSecret } from '@core/log/logger';
import { SettingsStore } from '@core/settings/settings-store';
import type { DoctorReport } from '@shared/models';
import { heldSecrets } from '../../../support/memory-secrets';
import { useTempDir } from '../../../support/use-temp-dir';

const password = 'report-Secret-7781';
const doctor: DoctorReport = { ok: true, checks: [{ id: 'data-dir', status: 'ok', detail: 'fine' }] };
const dir = useTempDir('ponte-report-');
afterEach(async () => {
  closeDataFolderLog();
});

async function coreWithOneAccount() {
  const accounts = new AccountStore(dir(), heldSecrets());
  const account = accountFromRequest(
    {
      email: 'anna@studio.example',
      kind: 'app-password',
      lifetimeDays: 90,
      request: {
        username: 'anna.login',
        imap: { host: 'imap.studio.example', port: 993, security: 'tls' },
        webdav: { url: 'https://files.studio.example/remote.php/dav/files/anna.login/' },
      },
    },
    new Date('2026-01-10T09:00:00Z'),
  );
  await accounts.add(account, { [account.credentials[0]?.id ?? '']: password });
  return { core: { accounts, settings: new SettingsStore(dir()), dataDir: dir() }, account };
}

describe('the support report', () => {
  it('describes accounts without who they are or any secret, with the log and the system', async () => {
    const { core, account } = await coreWithOneAccount();
    openDataFolderLog(dir());
    rememberSecret(password);
    logFor('test').warn(`something failed with ${password}`);
    const report = await buildSupportReport({
      core,
      doctor,
      version: '9.9.9',
      now: new Date('2026-02-01T00:00:00Z'),
    });

    expect(report).toMatchObject({
      format: 'ponte-support-report',
      formatVersion: 1,
      ponte: { version: '9.9.9' },
      runtime: { node: process.versions.node, electron: null },
      os: { platform: process.platform, arch: process.arch },
      doctor,
    });
    expect(report.accounts).toEqual([
      {
        id: account.id,
        providerId: null,
        pec: false,
        createdAt: '2026-01-10T09:00:00.000Z',
        services: [
          { service: 'imap', host: 'imap.studio.example', port: 993, security: 'tls', credential: 'main' },
          { service: 'webdav', host: 'files.studio.example', credential: 'main' },
        ],
        credentials: [
          {
            id: 'main',
            kind: 'app-password',
            createdAt: '2026-01-10T09:00:00.000Z',
            lifetimeDays: 90,
            expiresAt: '2026-04-10T09:00:00.000Z',
            status: 'ok',
          },
        ],
        targets: [],
        lastCheck: null,
      },
    ]);
    expect(report.log).toHaveLength(1);
    expect(report.log[0]).toMatch(/WARN {2}\[test\] something failed with \*\*\*$/);
    const text = JSON.stringify(report);
    for (const personal of [password, 'anna@studio.example', 'anna.login'])
      expect(text).not.toContain(personal);
  });

  it('reports a damaged accounts file instead of failing', async () => {
    await writeFile(join(dir(), 'accounts.json'), '{ not json');
    const core = {
      accounts: new AccountStore(dir(), heldSecrets()),
      settings: new SettingsStore(dir()),
      dataDir: dir(),
    };
    const report = await buildSupportReport({ core, doctor, version: '1' });
    expect(report.accounts).toEqual([]);
    expect(report.accountsError).toMatch(/STORAGE_CORRUPT/);
  });

  it('is written 0600, and a file that cannot be written is a clear error', async () => {
    const { core } = await coreWithOneAccount();
    const report = await buildSupportReport({ core, doctor, version: '1' });
    const file = join(dir(), 'out', 'report.json');
    await writeSupportReport(file, report);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(report);
    expect((await stat(file)).mode & 0o777).toBe(0o600);

    await writeFile(join(dir(), 'a-file'), '');
    const failure = await writeSupportReport(join(dir(), 'a-file', 'report.json'), report).catch(
      (e: unknown) => e,
    );
    expect(failure).toBeInstanceOf(PonteError);
    expect(failure).toMatchObject({ code: 'STORAGE_NOT_WRITABLE' });
    expect((failure as Error).message).toMatch(/a-file\/report\.json \((EEXIST|ENOTDIR)\)/);
  });
});
