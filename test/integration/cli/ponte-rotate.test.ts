import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import keytar from 'keytar';
import { describe, expect, inject, it } from 'vitest';
import type { AccountSummary } from '@shared/models';
import { ponteWith } from '../../support/run-ponte';
import { rigUser } from '../verify/rig-targets';
import { useTempDir } from '../../support/use-temp-dir';
import { useRigAccount } from '../../support/use-rig-account';

// Rotation against the rig and the real keychain. The "old" app password is one the server no longer accepts
// (it expired); the new one is the rig user's real password. The process is killed with SIGKILL at each step
// (PONTE_TEST_CRASH_AT, as a power cut would); the next command must find either the old password or the new
// one in place everywhere, never a mix, and nothing left pending.

const rig = inject('rig');
const anna = rigUser(rig, 0);
const OLD = 'the-expired-app-password';
const dataDir = useTempDir('ponte-rotate-', 'all');
const ponte = ponteWith(() => ({ dataDir: dataDir() }));
const id = useRigAccount(ponte, rig, anna, ['imap', 'caldav']);

const mainEntry = (): Promise<string | null> => keytar.getPassword('Ponte', `account:${id()}:main`);
const pendingEntry = (): Promise<string | null> =>
  keytar.getPassword('Ponte', `account:${id()}:main:pending`);
const createdAt = async (): Promise<string | undefined> => {
  const [account] = JSON.parse((await ponte(['account', 'list', '--json'])).stdout) as AccountSummary[];
  return account?.credentials[0]?.createdAt;
};
const journal = async (): Promise<unknown[]> => {
  const text = await readFile(join(dataDir(), 'rotations.json'), 'utf8').catch(
    () => '{"data":{"rotations":[]}}',
  );
  return (JSON.parse(text) as { data: { rotations: unknown[] } }).data.rotations;
};

describe('ponte rotate', () => {
  it('a new password the server refuses changes nothing (exit 1)', async () => {
    const refused = await ponte(['rotate', id(), '--password-stdin'], { stdin: 'not-the-new-one' });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Not changed');
    expect(await mainEntry()).toBe(anna.password);
    expect(await pendingEntry()).toBeNull();
    expect(await journal()).toEqual([]);
  }, 30_000);

  const points = [
    ['started', 'old'],
    ['pending-written', 'old'],
    ['verified', 'new'],
    ['targets-updated', 'new'],
    ['committed', 'new'],
  ] as const;

  it.each(points)(
    'killed at "%s": the next start leaves the %s password in place everywhere',
    async (point, expected) => {
      await keytar.setPassword('Ponte', `account:${id()}:main`, OLD);
      const before = await createdAt();
      await new Promise((resolve) => setTimeout(resolve, 5)); // a rotation's date differs from the add's

      const killed = await ponte(['rotate', id(), '--password-stdin'], {
        stdin: anna.password,
        env: {
          PONTE_TEST_CRASH_AT: point,
        },
      });
      expect(killed.code).toBeNull(); // ended by SIGKILL, not by itself

      // The next command finishes or takes back what was under way, and says so.
      const next = await ponte(['expiry', '--json']);
      if (point !== 'committed') {
        expect(next.stderr).toContain(expected === 'new' ? 'was completed' : 'was taken back');
      }
      expect(await pendingEntry()).toBeNull();
      expect(await journal()).toEqual([]);
      if (expected === 'new') {
        expect(await mainEntry()).toBe(anna.password);
        expect(await createdAt()).not.toBe(before);
        // Working for real: every service accepts what the keychain now holds.
        expect((await ponte(['check'])).code).toBe(0);
      } else {
        expect(await mainEntry()).toBe(OLD);
        expect(await createdAt()).toBe(before);
      }
    },
    60_000,
  );

  it('uninterrupted: every service checked with the new password, then it is the only one kept', async () => {
    await keytar.setPassword('Ponte', `account:${id()}:main`, OLD);
    const rotated = await ponte(['rotate', id(), '--password-stdin', '--json'], { stdin: anna.password });
    expect(rotated.code, rotated.stdout + rotated.stderr).toBe(0);
    expect(JSON.parse(rotated.stdout)).toMatchObject({ saved: true, notes: ['revokeOld'] });
    expect(rotated.stdout).not.toContain(anna.password);
    expect(await mainEntry()).toBe(anna.password);
    expect(await pendingEntry()).toBeNull();
    expect((await ponte(['check'])).code).toBe(0);
  }, 30_000);
});
