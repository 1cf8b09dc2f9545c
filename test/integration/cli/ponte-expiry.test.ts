import { readFile, writeFile } from 'node:fs/promises';
import { type AddressInfo, createServer } from 'node:net';
import { join } from 'node:path';
import keytar from 'keytar';
import { describe, expect, inject, it } from 'vitest';
import type { AccountSummary } from '@shared/models';
import { ponteWith } from '../../support/run-ponte';
import { rigUser } from '../verify/rig-targets';
import { rigServiceArgs } from '../../support/rig-accounts';
import { useTempDir } from '../../support/use-temp-dir';

// `ponte expiry` against the real keychain and rig: the dates IT gives for passwords that already existed, and
// a password the server refuses at a real check, decide the state and the exit code.

const rig = inject('rig');
const anna = rigUser(rig, 0);
const dataDir = useTempDir('ponte-expiry-', 'all');
const ponte = ponteWith(() => ({ dataDir: dataDir() }));
const day = (daysAgo: number): string =>
  new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);

async function add(created: string): Promise<string> {
  const added = await ponte(
    [
      'account',
      'add',
      '--email',
      anna.email,
      ...rigServiceArgs(rig, anna, ['imap']),
      '--kind',
      'app-password',
      '--lifetime',
      '90',
      '--created',
      created,
      '--password-stdin',
      '--json',
    ],
    { stdin: anna.password },
  );
  expect(added.code, added.stdout + added.stderr).toBe(0);
  const summary = JSON.parse(added.stdout) as AccountSummary;
  expect(summary.credentials[0]?.createdAt).toBe(`${created}T00:00:00.000Z`);
  return summary.id;
}

interface Row {
  accountId: string;
  state: string;
  daysLeft: number | null;
}

describe('ponte expiry', () => {
  it('an app password entered 85 days ago is expiring (exit 0); one from 100 days ago has expired (exit 1)', async () => {
    const expiring = await add(day(85));
    let report = await ponte(['expiry', '--json']);
    expect(report.code, report.stderr).toBe(0);
    expect(JSON.parse(report.stdout)).toEqual([
      expect.objectContaining({ accountId: expiring, state: 'expiring', daysLeft: 4 }),
    ]);
    expect((await ponte(['expiry'])).stdout).toContain('expires in 4 days');

    const expired = await add(day(100));
    report = await ponte(['expiry', '--json']);
    expect(report.code).toBe(1);
    expect((JSON.parse(report.stdout) as Row[]).find((row) => row.accountId === expired)).toMatchObject({
      state: 'expired',
      daysLeft: -11,
    });
    // Aruba extended it by another lifetime: the same password, counted again from today.
    const extended = await ponte(['account', 'extend', expired]);
    expect(extended.code, extended.stderr).toBe(0);
    expect(extended.stdout).toContain('now expires on');
    expect(
      (JSON.parse((await ponte(['expiry', '--json'])).stdout) as Row[]).find(
        (row) => row.accountId === expired,
      ),
    ).toMatchObject({
      state: 'ok',
      daysLeft: 89,
    });
    for (const id of [expiring, expired]) await ponte(['account', 'remove', id]);
  }, 60_000);

  it('a password refused at a real check is failing (exit 1); a date in the future or not a date is refused', async () => {
    const id = await add(day(1));
    await keytar.setPassword('Ponte', `account:${id}:main`, 'revoked-by-provider');
    expect((await ponte(['verify', '--account', id])).code).toBe(1);
    const report = await ponte(['expiry', '--json']);
    expect(report.code).toBe(1);
    expect(JSON.parse(report.stdout)).toEqual([expect.objectContaining({ accountId: id, state: 'failing' })]);
    expect(report.stdout).not.toContain('revoked-by-provider');
    await ponte(['account', 'remove', id]);

    expect((await ponte(['account', 'add', '--email', anna.email, '--created', '2026-02-30'])).code).toBe(2);
    const future = await ponte(
      [
        'account',
        'add',
        '--email',
        anna.email,
        ...rigServiceArgs(rig, anna, ['imap']),
        '--created',
        day(-3),
        '--password-stdin',
        '--json',
      ],
      { stdin: anna.password },
    );
    expect(future.code).toBe(1);
    expect(JSON.parse(future.stdout)).toMatchObject({ error: { code: 'INVALID_INPUT' } });
  }, 60_000);

  it('ponte check: a refused password makes it failing (exit 1); a server that cannot be reached concludes nothing', async () => {
    const id = await add(day(0));
    const fine = await ponte(['check']);
    expect(fine.code, fine.stdout + fine.stderr).toBe(0);
    expect(fine.stdout).toContain('every service accepted its password');

    // The provider revoked it: the server now refuses what the keychain holds.
    await keytar.setPassword('Ponte', `account:${id}:main`, 'revoked-by-provider');
    const refused = await ponte(['check', '--json']);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout)).toEqual([
      expect.objectContaining({ accountId: id, reached: true, failing: ['main'] }),
    ]);
    expect(refused.stdout).not.toContain('revoked-by-provider');
    const accountsFile = join(dataDir(), 'accounts.json');
    const before = JSON.parse(await readFile(accountsFile, 'utf8')) as AccountsFile;
    const refusedAt = before.data.accounts[0]?.lastCheck?.at;

    // Now the server is down (nothing listens on its port): no alarm, and the refusal is not forgotten.
    const closed = await closedPort();
    const moved = structuredClone(before);
    const imap = moved.data.accounts[0]?.services.imap;
    if (!imap) throw new Error('expected an IMAP service');
    imap.endpoint.port = closed;
    await writeFile(accountsFile, JSON.stringify(moved));
    const offline = await ponte(['check', '--json']);
    expect(JSON.parse(offline.stdout)).toEqual([expect.objectContaining({ reached: false })]);
    const after = JSON.parse(await readFile(accountsFile, 'utf8')) as AccountsFile;
    expect(after.data.accounts[0]?.lastCheck?.at).toBe(refusedAt);
    expect(JSON.parse((await ponte(['expiry', '--json'])).stdout)).toEqual([
      expect.objectContaining({ state: 'failing' }),
    ]);
    await ponte(['account', 'remove', id]);
  }, 60_000);
});

interface AccountsFile {
  data: { accounts: { lastCheck?: { at: string }; services: { imap?: { endpoint: { port: number } } } }[] };
}

/** A port on 127.0.0.1 where nothing listens (bound, then released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
