import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import keytar from 'keytar';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createClient } from 'webdav';
import { verifyServices } from '@core/verify/verify-services';
import { rigHttpsAgent } from '../../rig/rig-tls';
import { gvfsHasMount, startGvfsDaemon } from '../../support/gvfs-daemon';
import { addRigAccount } from '../../support/rig-accounts';
import { ponteWith } from '../../support/run-ponte';
import { rigUser } from '../verify/rig-targets';
import { useTempDir } from '../../support/use-temp-dir';

// Every WebDAV implementation of the rig — Apache mod_dav, nginx's dav modules inside a location and at the
// root, rclone serve webdav — through the same steps: the check (listing, quota where offered, the write
// test), the address typed without its slash, a wrong password, then the drive mounted for real by GVfs,
// a rotation that mounts it again with the new password, and the undo. One read-only nginx location too.

const rig = inject('rig');
const anna = rigUser(rig, 0);
const trust = { caPem: rig.caPem };
const credential = { username: anna.login, password: anna.password };
const dir = useTempDir('ponte-webdav-servers-', 'all');
let gvfsd: { stop(): Promise<void> };

beforeAll(async () => {
  gvfsd = await startGvfsDaemon(dir(), rig.caPem);
}, 20_000);
afterAll(async () => {
  await gvfsd?.stop();
});

const gio = (args: string[]): Promise<{ code: number | null; out: string }> =>
  new Promise((resolve) => {
    const child = spawn('gio', args);
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('close', (code) => resolve({ code, out }));
  });

describe.each(rig.webdavServers.map((server, index) => ({ ...server, index })))('$name', (server) => {
  const url = server.userUrls[anna.login] ?? '';
  const host = new URL(url).host;
  const dav = () => createClient(url, { ...credential, httpsAgent: rigHttpsAgent(rig.caPem) });

  it('the check lists the folder, proves writing only when asked, and leaves nothing behind', async () => {
    const name = `check-${Date.now()}.txt`;
    await dav().putFileContents(`/${name}`, 'hello');
    const before = (await dav().getDirectoryContents('/')).map((entry) => entry.basename).sort();
    const [listed, written] = await verifyServices(
      [
        { service: 'webdav', url, credential },
        { service: 'webdav', url, credential, writeTest: true },
      ],
      { trust },
    );
    expect(listed).toMatchObject({ status: 'ok', found: { url, entryCount: before.length } });
    expect(written).toMatchObject({ status: 'ok', found: { writable: true } });
    expect((await dav().getDirectoryContents('/')).map((entry) => entry.basename).sort()).toEqual(before);
    await dav().deleteFile(`/${name}`);
  });

  it('typed without its trailing slash it is the same folder; a wrong password is AUTH_FAILED', async () => {
    const [bare, wrong] = await verifyServices(
      [
        { service: 'webdav', url: url.replace(/\/$/, ''), credential },
        { service: 'webdav', url, credential: { ...credential, password: 'not-the-password' } },
      ],
      { trust },
    );
    expect(bare).toMatchObject({ status: 'ok' });
    expect(wrong).toMatchObject({ status: 'failed', code: 'AUTH_FAILED' });
  });

  it('mounted by GVfs from the saved account, mounted again by a rotation, and taken back', async () => {
    const home = join(dir(), `home-${server.index}`);
    await mkdir(join(home, '.config/gtk-3.0'), { recursive: true });
    const ponte = ponteWith(() => ({ dataDir: join(home, 'data'), home }));
    const account = await addRigAccount(ponte, rig, anna, ['webdav'], [], { webdavUrl: url });
    const name = `mounted-${Date.now()}.txt`;
    await dav().putFileContents(`/${name}`, 'hello');

    const configured = await ponte(['configure', account.id, '--target', 'mount', '--json']);
    expect(configured.code, configured.stdout + configured.stderr).toBe(0);
    const { location } = JSON.parse(configured.stdout) as { location: string };
    expect(await gvfsHasMount(host)).toBe(true);
    expect((await gio(['list', location])).out.split('\n')).toContain(name);

    // The old app password expired and the drive went with the last logout: only the new password can bring
    // it back, so a listing afterwards proves the rotation mounted with it.
    await keytar.setPassword('Ponte', `account:${account.id}:main`, 'the-expired-app-password');
    await gio(['mount', '--unmount', location]);
    expect(await gvfsHasMount(host)).toBe(false);
    const rotated = await ponte(['rotate', account.id, '--password-stdin'], { stdin: anna.password });
    expect(rotated.code, rotated.stdout + rotated.stderr).toBe(0);
    expect((await gio(['list', location])).out.split('\n')).toContain(name);

    const removed = await ponte(['account', 'remove', account.id, '--undo-targets']);
    expect(removed.code, removed.stdout + removed.stderr).toBe(0);
    expect(await gvfsHasMount(host)).toBe(false);
    await dav().deleteFile(`/${name}`);
  }, 90_000);
});

describe('a read-only WebDAV location (nginx, GET and PROPFIND only)', () => {
  it('works for reading, and the write test says it is read-only instead of failing', async () => {
    const url = rig.webdavReadOnlyUrl;
    const [read, write] = await verifyServices(
      [
        { service: 'webdav', url, credential },
        { service: 'webdav', url, credential, writeTest: true },
      ],
      { trust },
    );
    expect(read).toMatchObject({ status: 'ok', found: { entryCount: 1 } });
    expect(write).toMatchObject({ status: 'ok', found: { writable: false } });
  });
});
