import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { SupportReport } from '@core/doctor/support-report';
import { version } from '../../../package.json';
import { addRigAccount } from '../../support/rig-accounts';
import { ponteWith } from '../../support/run-ponte';
import { textsHolding } from '../../support/secret-sweep';
import { rigUser } from '../verify/rig-targets';
import { useTempDir } from '../../support/use-temp-dir';

// `ponte doctor --report FILE` for real: a saved rig account, a failure in the log, then the bundle support
// receives — every part there, and not one form of the password.

const rig = inject('rig');
const anna = rigUser(rig, 0);
const dir = useTempDir('ponte-doctor-report-', 'all');
const ponte = ponteWith(() => ({ dataDir: join(dir(), 'data'), home: dir() }));

describe('ponte doctor --report', () => {
  it('writes versions, system, doctor results, recent log lines and accounts without secrets, 0600', async () => {
    const account = await addRigAccount(
      ponte,
      rig,
      anna,
      ['imap', 'smtp', 'caldav', 'webdav'],
      ['--lifetime', '90'],
    );
    // A failure for the log: with --verbose it is also on stderr, scrubbed, and stdout stays one JSON document.
    const failed = await ponte(['--verbose', 'verify', '--account', 'no-such-account', '--json']);
    expect(failed.code).toBe(1);
    expect(JSON.parse(failed.stdout)).toMatchObject({ ok: false, error: { code: 'ACCOUNT_NOT_FOUND' } });
    expect(failed.stderr).toMatch(/INFO {2}\[cli\] ponte verify failed: PonteError ACCOUNT_NOT_FOUND/);

    const file = join(dir(), 'support', 'report.json');
    const run = await ponte(['doctor', '--report', file]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`Support report written to ${file}`);
    expect((await stat(file)).mode & 0o777).toBe(0o600);

    const text = await readFile(file, 'utf8');
    const report = JSON.parse(text) as SupportReport;
    expect(report).toMatchObject({
      format: 'ponte-support-report',
      formatVersion: 1,
      ponte: { version },
      runtime: { node: process.versions.node, electron: null },
      os: { platform: process.platform, arch: process.arch },
      doctor: { ok: true },
    });
    expect(report.os.release).not.toBe('');
    expect(report.doctor.checks.map((check) => check.id)).toEqual([
      'data-dir',
      'keychain',
      'electron',
      'platform-tools',
    ]);
    expect(report.accounts).toHaveLength(1);
    const [saved] = report.accounts;
    expect(saved?.id).toBe(account.id);
    expect(saved?.services.map((service) => [service.service, service.host])).toEqual([
      ['imap', '127.0.0.1'],
      ['smtp', '127.0.0.1'],
      ['caldav', new URL(rig.caldav.url).host],
      ['webdav', new URL(anna.webdavUrl).host],
    ]);
    const expiry = Date.parse(saved?.credentials[0]?.expiresAt ?? '') - Date.parse(account.createdAt);
    expect(Math.round(expiry / 86_400_000)).toBe(90);
    expect(saved?.credentials).toEqual([
      expect.objectContaining({ id: 'main', kind: 'app-password', lifetimeDays: 90, status: 'ok' }),
    ]);
    expect(
      report.log.some((line) => line.includes('ponte verify failed: PonteError ACCOUNT_NOT_FOUND')),
    ).toBe(true);
    expect(textsHolding({ report: text, stdout: run.stdout, stderr: failed.stderr }, [anna])).toEqual([]);
    // Who the account belongs to is not support's business either.
    expect(text).not.toContain(anna.email);
  });

  it('keeps only the last 200 log lines, across the rotated file', async () => {
    const lines = Array.from({ length: 300 }, (_, n) => `2026-01-01T00:00:00.000Z INFO  [test] line ${n}`);
    await writeFile(join(dir(), 'data', 'ponte.1.log'), `${lines.slice(0, 250).join('\n')}\n`);
    await writeFile(join(dir(), 'data', 'ponte.log'), `${lines.slice(250).join('\n')}\n`);
    const file = join(dir(), 'tail.json');
    expect((await ponte(['doctor', '--report', file, '--json'])).code).toBe(0);
    const report = JSON.parse(await readFile(file, 'utf8')) as SupportReport;
    expect(report.log).toEqual(lines.slice(100));
  });

  it('says clearly when the file cannot be written, in the person’s language and in JSON', async () => {
    await writeFile(join(dir(), 'not-a-folder'), '');
    const file = join(dir(), 'not-a-folder', 'report.json');
    const human = await ponte(['doctor', '--report', file, '--lang', 'it']);
    expect(human.code).toBe(1);
    expect(human.stderr).toContain(`Impossibile scrivere il rapporto per l'assistenza in ${file}`);
    const json = await ponte(['doctor', '--report', file, '--json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, error: { code: 'STORAGE_NOT_WRITABLE' } });
  });
});
