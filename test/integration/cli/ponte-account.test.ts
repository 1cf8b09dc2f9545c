import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import keytar from 'keytar';
import { describe, expect, inject, it } from 'vitest';
import { ponteWith } from '../../support/run-ponte';
import { rigServiceArgs } from '../../support/rig-accounts';
import type { AccountSummary } from '@shared/models';
import type { ServiceResult } from '@shared/verify';
import { rigUser } from '../verify/rig-targets';
import { useTempDir } from '../../support/use-temp-dir';

const rig = inject('rig');
const marco = rigUser(rig, 1);
const dataDir = useTempDir('ponte-accounts-');
const ponte = ponteWith(() => ({ dataDir: dataDir() }));

const serviceArgs = rigServiceArgs(rig, marco, ['imap', 'smtp', 'caldav', 'webdav']);

/** `account add` for an Aruba PEC box with its servers pointed at the rig (Aruba's own are out of reach). */
const arubaOnRig = (...more: string[]): string[] => [
  'account',
  'add',
  '--email',
  marco.email,
  '--provider',
  'aruba-pec',
  ...more,
  '--imap',
  `127.0.0.1:${rig.imap.tlsPort}`,
  '--smtp',
  `127.0.0.1:${rig.smtp.tlsPort}`,
  '--ca',
  rig.caFile,
  '--password-stdin',
  '--json',
];

/** Every file under the data dir, concatenated: where a leaked password would show up. */
async function dataDirText(): Promise<string> {
  const files = await readdir(dataDir(), { recursive: true, withFileTypes: true });
  const texts = await Promise.all(
    files.filter((f) => f.isFile()).map((f) => readFile(join(f.parentPath, f.name), 'utf8')),
  );
  return texts.join('\n');
}

describe('ponte account', () => {
  it('add checks every service, keeps the password in the keychain only; verify --account; remove cleans up', async () => {
    const add = await ponte(
      [
        'account',
        'add',
        '--email',
        marco.email,
        '--name',
        'Studio',
        '--lifetime',
        '90',
        ...serviceArgs,
        '--password-stdin',
        '--json',
      ],
      { stdin: marco.password },
    );
    expect(add.stderr).toBe('');
    expect(add.code).toBe(0);
    const saved = JSON.parse(add.stdout) as AccountSummary;
    expect(saved).toMatchObject({
      displayName: 'Studio',
      email: marco.email,
      services: ['imap', 'smtp', 'caldav', 'webdav'],
    });
    expect(saved.credentials[0]).toMatchObject({
      kind: 'app-password',
      username: marco.login,
      lifetimeDays: 90,
    });
    expect(
      Date.parse(saved.credentials[0]?.expiresAt ?? '') - Date.parse(saved.credentials[0]?.createdAt ?? ''),
    ).toBe(90 * 86_400_000);

    // The secret: in the keychain (read back through keytar), nowhere in the data dir or the output.
    expect(await keytar.getPassword('Ponte', `account:${saved.id}:main`)).toBe(marco.password);
    expect(await dataDirText()).not.toContain(marco.password);
    expect(add.stdout).not.toContain(marco.password);

    const listed = JSON.parse((await ponte(['account', 'list', '--json'])).stdout) as AccountSummary[];
    expect(listed.map((account) => account.id)).toEqual([saved.id]);

    const check = await ponte(['verify', '--account', saved.id, '--json']);
    expect(check.code).toBe(0);
    expect((JSON.parse(check.stdout) as ServiceResult[]).map((r) => r.status)).toEqual([
      'ok',
      'ok',
      'ok',
      'ok',
    ]);

    const removed = await ponte(['account', 'remove', saved.id]);
    expect(removed.code).toBe(0);
    expect(await keytar.getPassword('Ponte', `account:${saved.id}:main`)).toBeNull();
    expect(JSON.parse((await ponte(['account', 'list', '--json'])).stdout)).toEqual([]);
  });

  it('--provider brings the catalog’s facts (lifetime, kind); flags override its servers', async () => {
    // Aruba PEC's own servers are out of reach here: the flags point IMAP and SMTP at the rig instead.
    const add = await ponte(arubaOnRig(), { stdin: marco.password });
    expect(add.code).toBe(0);
    const saved = JSON.parse(add.stdout) as AccountSummary;
    expect(saved).toMatchObject({ providerId: 'aruba-pec', services: ['imap', 'smtp'] });
    expect(saved.credentials[0]).toMatchObject({
      kind: 'app-password',
      username: marco.email,
      lifetimeDays: 90,
    });
    await ponte(['account', 'remove', saved.id]);

    // Without the override, the catalog's own hosts are what gets checked (and cannot be reached here).
    const unreachable = await ponte(
      ['account', 'add', '--email', marco.email, '--provider', 'aruba-pec', '--password-stdin'],
      { stdin: 'x-pw' },
    );
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toMatch(
      /imap (HOST_NOT_FOUND|NETWORK_UNREACHABLE|CONNECTION_REFUSED|TIMEOUT)/,
    );
  });

  it('--two-step off: the provider’s password for that case, without its app password’s lifetime', async () => {
    const args = (answer: string) => arubaOnRig('--two-step', answer);
    const add = await ponte(args('off'), { stdin: marco.password });
    expect(add.code).toBe(0);
    const saved = JSON.parse(add.stdout) as AccountSummary;
    expect(saved.pec).toBe(true);
    expect(saved.credentials[0]).toMatchObject({ kind: 'mailbox-password', lifetimeDays: null });
    await ponte(['account', 'remove', saved.id]);

    const wrong = await ponte(args('maybe'), { stdin: marco.password });
    expect(wrong.code).toBe(2);
    expect(JSON.parse(wrong.stdout)).toMatchObject({ ok: false, error: { code: 'USAGE' } });
    expect(wrong.stdout).toContain('--two-step takes on or off');
  });

  it('a provider with several passwords takes one JSON line per credential on stdin', async () => {
    const anna = rigUser(rig, 0);
    // Infomaniak's servers are out of reach: flags point them at the rig; the calendar login is marco's, so
    // the servers really see two different credentials.
    const args = [
      'account',
      'add',
      '--email',
      anna.email,
      '--provider',
      'infomaniak',
      '--imap',
      `127.0.0.1:${rig.imap.tlsPort}`,
      '--smtp',
      `127.0.0.1:${rig.smtp.tlsPort}`,
      '--caldav',
      rig.caldav.url,
      '--carddav',
      rig.caldav.url,
      '--ca',
      rig.caFile,
      '--password-stdin',
      '--json',
    ];
    const lines = [
      JSON.stringify({ credential: 'mail', password: anna.password }),
      JSON.stringify({ credential: 'sync', username: marco.login, password: marco.password }),
    ].join('\n');
    const add = await ponte(args, { stdin: lines });
    expect(add.code, add.stdout + add.stderr).toBe(0);
    const saved = JSON.parse(add.stdout) as AccountSummary;
    expect(saved.credentials.map((c) => [c.id, c.kind, c.username])).toEqual([
      ['main', 'mailbox-password', anna.email],
      ['sync', 'app-password', marco.login],
    ]);
    expect(saved.serviceCredentials).toMatchObject({ imap: 'main', caldav: 'sync', carddav: 'sync' });
    expect(await keytar.getPassword('Ponte', `account:${saved.id}:sync`)).toBe(marco.password);
    expect(add.stdout).not.toContain(marco.password);
    await ponte(['account', 'remove', saved.id]);

    // The short login has no default: without it, nothing is checked or saved.
    const missing = await ponte(args, {
      stdin: JSON.stringify({ credential: 'mail', password: anna.password }),
    });
    expect(missing.code).toBe(2);
    expect(missing.stdout).toContain('sync');
    // A line that is not JSON is named by its number, never echoed (it may hold a password).
    const garbled = await ponte(args, { stdin: `${lines}\nnot-json ${marco.password}` });
    expect(garbled.code).toBe(2);
    expect(garbled.stdout + garbled.stderr).not.toContain(marco.password);
  });

  it('a wrong password saves nothing: exit 1, no account, no keychain entry', async () => {
    const add = await ponte(['account', 'add', '--email', marco.email, ...serviceArgs, '--password-stdin'], {
      stdin: 'wrong-password-1',
    });
    expect(add.code).toBe(1);
    expect(add.stderr).toContain('Not saved');
    expect(JSON.parse((await ponte(['account', 'list', '--json'])).stdout)).toEqual([]);
    const entries = await keytar.findCredentials('Ponte');
    expect(entries.filter((entry) => entry.password === 'wrong-password-1')).toEqual([]);
  });

  it('usage errors exit 2; an unknown account exits 1 with the reason', async () => {
    expect((await ponte(['account'])).code).toBe(2);
    expect((await ponte(['account', 'add', '--password-stdin'], { stdin: 'x' })).code).toBe(2);
    expect(
      (
        await ponte(['account', 'add', '--email', 'a@b.c', '--kind', 'pin', '--imap', 'h:993'], {
          stdin: 'x',
        })
      ).code,
    ).toBe(2);
    const unknown = await ponte(['account', 'remove', '00000000-0000-4000-8000-000000000000']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('does not exist');
    // Every command reports an operation's failure the same way, `verify --account` included.
    const unknownCheck = await ponte([
      'verify',
      '--account',
      '00000000-0000-4000-8000-000000000000',
      '--json',
    ]);
    expect(unknownCheck.code).toBe(1);
    expect(JSON.parse(unknownCheck.stdout)).toMatchObject({
      ok: false,
      error: { code: 'ACCOUNT_NOT_FOUND' },
    });
  });
});
