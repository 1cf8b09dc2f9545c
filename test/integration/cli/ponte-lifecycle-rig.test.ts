import keytar from 'keytar';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { setRigPassword } from '../../support/rig-passwords';
import { ponteWith } from '../../support/run-ponte';
import { rigUser } from '../verify/rig-targets';
import { useTempDir } from '../../support/use-temp-dir';
import { useRigAccount } from '../../support/use-rig-account';

// The provider side for real: the rig's own user `rota` gets a new password on Dovecot, Radicale and Apache,
// as when an app password is revoked and a new one created. Ponte must notice the refusal at its next real
// login, then take the new password everywhere in one rotation.

const rig = inject('rig');
const rota = rigUser(rig, 2);
const dataDir = useTempDir('ponte-lifecycle-', 'all');
const ponte = ponteWith(() => ({ dataDir: dataDir() }));
const id = useRigAccount(ponte, rig, rota, ['imap', 'smtp', 'caldav', 'webdav']);

afterAll(async () => {
  await setRigPassword(rig, rota.login, rota.password);
});

describe('revoked on the server, then rotated', () => {
  it('the next real login finds it failing; the rotation puts the new one in place and every service accepts it', async () => {
    expect((await ponte(['check'])).code).toBe(0);

    const fresh = `${rota.password}-new`;
    await setRigPassword(rig, rota.login, fresh);
    const refused = await ponte(['check', '--json']);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout)).toEqual([
      expect.objectContaining({ reached: true, failing: ['main'] }),
    ]);
    const expiry = await ponte(['expiry', '--json']);
    expect(expiry.code).toBe(1);
    expect(JSON.parse(expiry.stdout)).toEqual([expect.objectContaining({ state: 'failing' })]);

    // The old one is refused everywhere, the new one accepted on all four services.
    const rotated = await ponte(['rotate', id(), '--password-stdin', '--json'], { stdin: fresh });
    expect(rotated.code, rotated.stdout + rotated.stderr).toBe(0);
    expect(await keytar.getPassword('Ponte', `account:${id()}:main`)).toBe(fresh);
    const after = await ponte(['check', '--json']);
    expect(after.code, after.stdout).toBe(0);
    expect(JSON.parse(after.stdout)).toEqual([
      expect.objectContaining({
        failing: [],
        results: expect.arrayContaining([
          { service: 'imap', status: 'ok', code: null },
          { service: 'smtp', status: 'ok', code: null },
          { service: 'caldav', status: 'ok', code: null },
          { service: 'webdav', status: 'ok', code: null },
        ]),
      }),
    ]);
    expect(JSON.parse((await ponte(['expiry', '--json'])).stdout)).toEqual([
      expect.not.objectContaining({ state: 'failing' }),
    ]);
  }, 90_000);
});
