import { spawn } from 'node:child_process';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import keytar from 'keytar';
import plist from 'plist';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ponteWith } from '../../support/run-ponte';
import { createClient } from 'webdav';
import type { AccountSummary } from '@shared/models';
import { parseAutoconfig } from '@core/discovery/autoconfig-xml';
import { rigHttpsAgent } from '../../rig/rig-tls';
import { gvfsHasMount, startGvfsDaemon } from '../../support/gvfs-daemon';
import { rigUser } from '../verify/rig-targets';
import { useTempDir } from '../../support/use-temp-dir';

const rig = inject('rig');
const anna = rigUser(rig, 0);
const host = new URL(anna.webdavUrl).host;
const dir = useTempDir('ponte-configure-', 'all');
let gvfsd: { stop(): Promise<void> };

beforeAll(async () => {
  await mkdir(join(dir(), 'home/.config/gtk-3.0'), { recursive: true });
  gvfsd = await startGvfsDaemon(dir(), rig.caPem);
}, 20_000);
afterAll(async () => {
  await gvfsd?.stop();
});

const ponte = ponteWith(() => ({ dataDir: join(dir(), 'data'), home: join(dir(), 'home') }));

/** Saves the rig's first user with the given services, as IT would from a script. */
const addAnna = (services: string[]) =>
  ponte(
    [
      'account',
      'add',
      '--email',
      anna.email,
      ...services,
      '--user',
      anna.login,
      '--ca',
      rig.caFile,
      '--password-stdin',
      '--json',
    ],
    { stdin: anna.password },
  );

describe('ponte configure / unconfigure --target mount (GVfs, for real)', () => {
  it('shows the plan, mounts with the password from the keychain, is idempotent, and takes it all back', async () => {
    const add = await addAnna(['--webdav', anna.webdavUrl]);
    expect(add.code, add.stdout + add.stderr).toBe(0);
    const { id } = JSON.parse(add.stdout) as AccountSummary;
    const bookmarks = join(dir(), 'home/.config/gtk-3.0/bookmarks');
    await writeFile(bookmarks, 'file:///srv/shared Shared\n');
    const name = `configured-${Date.now()}.txt`;
    const dav = createClient(anna.webdavUrl, {
      username: anna.login,
      password: anna.password,
      httpsAgent: rigHttpsAgent(rig.caPem),
    });
    await dav.putFileContents(`/${name}`, 'hello');

    const dry = await ponte(['configure', id, '--target', 'mount', '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('nothing has been changed');
    expect(dry.stdout).toContain('gio mount davs://');
    expect(dry.stdout).toContain('(password typed into it, not on the command line)');
    expect(await gvfsHasMount(host)).toBe(false);

    const first = await ponte(['configure', id, '--target', 'mount', '--json']);
    expect(first.code, first.stdout + first.stderr).toBe(0);
    const mounted = JSON.parse(first.stdout) as { changed: boolean; location: string };
    expect(mounted.changed).toBe(true);
    expect(await gvfsHasMount(host)).toBe(true);
    const listing = await new Promise<string>((resolve) => {
      const gio = spawn('gio', ['list', mounted.location]);
      let out = '';
      gio.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      gio.on('close', () => resolve(out));
    });
    expect(listing.split('\n')).toContain(name);
    expect(first.stdout + first.stderr).not.toContain(anna.password);

    const again = await ponte(['configure', id, '--target', 'mount']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Already set up, nothing changed');
    const listed = JSON.parse((await ponte(['account', 'list', '--json'])).stdout) as AccountSummary[];
    expect(listed[0]?.targets).toEqual([
      { target: 'mount', at: expect.any(String), location: mounted.location },
    ]);

    const undo = await ponte(['unconfigure', id, '--target', 'mount']);
    expect(undo.code, undo.stdout + undo.stderr).toBe(0);
    expect(undo.stdout).toContain('Taken back.');
    expect(await gvfsHasMount(host)).toBe(false);
    expect(await readFile(bookmarks, 'utf8')).toBe('file:///srv/shared Shared\n');
    expect((await ponte(['unconfigure', id, '--target', 'mount'])).stdout).toContain('Nothing to take back');

    // Removing an account that set something up asks what to do with it, then takes it back when told to.
    expect((await ponte(['configure', id, '--target', 'mount'])).code).toBe(0);
    const ask = await ponte(['account', 'remove', id]);
    expect(ask.code).toBe(2);
    expect(ask.stderr).toContain('--undo-targets');
    expect(await gvfsHasMount(host)).toBe(true);
    const removed = await ponte(['account', 'remove', id, '--undo-targets']);
    expect(removed.code, removed.stdout + removed.stderr).toBe(0);
    expect(await gvfsHasMount(host)).toBe(false);
    expect(await readFile(bookmarks, 'utf8')).toBe('file:///srv/shared Shared\n');
    expect(await keytar.getPassword('Ponte', `account:${id}:main`)).toBeNull();
    await dav.deleteFile(`/${name}`);
  }, 120_000);

  it('a drive named with a line break (as an IT profile or a script could) stays one sidebar bookmark', async () => {
    const add = await addAnna(['--webdav', anna.webdavUrl, '--name', 'Studio\nfile:///etc/passwd Evil\r']);
    expect(add.code, add.stdout + add.stderr).toBe(0);
    const { id } = JSON.parse(add.stdout) as AccountSummary;
    const bookmarks = join(dir(), 'home/.config/gtk-3.0/bookmarks');
    await writeFile(bookmarks, 'file:///srv/shared Shared\n');
    const done = await ponte(['configure', id, '--target', 'mount', '--json']);
    expect(done.code, done.stdout + done.stderr).toBe(0);
    const lines = (await readFile(bookmarks, 'utf8')).split('\n');
    expect(lines).toEqual([
      'file:///srv/shared Shared',
      expect.stringMatching(/^davs:\/\/\S+ Studio file:\/\/\/etc\/passwd Evil$/),
      '',
    ]);
    expect((await ponte(['account', 'remove', id, '--undo-targets'])).code).toBe(0);
    expect(await readFile(bookmarks, 'utf8')).toBe('file:///srv/shared Shared\n');
    expect(await gvfsHasMount(host)).toBe(false);
  }, 120_000);

  it('file targets: a profile for Apple devices (passwords only with --with-password), a DAVx⁵ link and QR, an autoconfig file for IT', async () => {
    const add = await addAnna([
      '--imap',
      `127.0.0.1:${rig.imap.tlsPort}`,
      '--smtp',
      `127.0.0.1:${rig.smtp.tlsPort}`,
      '--caldav',
      rig.caldav.url,
    ]);
    const { id } = JSON.parse(add.stdout) as AccountSummary;
    const file = join(dir(), 'anna.mobileconfig');
    // Installing is for a Mac: here it is refused before any file is written.
    const install = await ponte(['configure', id, '--target', 'mobileconfig', '--out', file, '--install']);
    expect(install.code).toBe(1);
    expect(install.stderr).toContain('installed on a Mac');
    await expect(stat(file)).rejects.toMatchObject({ code: 'ENOENT' });
    const plain = await ponte(['configure', id, '--target', 'mobileconfig', '--out', file]);
    expect(plain.code, plain.stdout + plain.stderr).toBe(0);
    expect(plain.stdout).toContain('the device asks for the password once');
    const profile = plist.parse(await readFile(file, 'utf8')) as {
      PayloadContent: { PayloadType: string }[];
    };
    expect(profile.PayloadContent.map((payload) => payload.PayloadType)).toEqual([
      'com.apple.caldav.account',
      'com.apple.mail.managed',
    ]);
    expect(await readFile(file, 'utf8')).not.toContain(anna.password);
    expect((await stat(file)).mode & 0o777).toBe(0o644);

    const withPassword = await ponte([
      'configure',
      id,
      '--target',
      'mobileconfig',
      '--out',
      file,
      '--with-password',
    ]);
    expect(withPassword.code).toBe(0);
    expect(await readFile(file, 'utf8')).toContain(anna.password);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(withPassword.stdout + withPassword.stderr).not.toContain(anna.password);
    expect((await ponte(['unconfigure', id, '--target', 'mobileconfig'])).code).toBe(2);

    // For Android: DAVx⁵'s login link, as text and as a QR code in the terminal.
    const phone = await ponte(['configure', id, '--target', 'davx5', '--json']);
    const caldavUrl = new URL(rig.caldav.url);
    expect(JSON.parse(phone.stdout)).toEqual({
      link: `caldavs://${encodeURIComponent(anna.login)}@${caldavUrl.host}${caldavUrl.pathname}`,
    });
    const human = await ponte(['configure', id, '--target', 'davx5']);
    expect(human.stdout).toContain('caldavs://');
    expect(human.stdout).toContain('▄');
    expect(human.stdout).not.toContain(anna.password);

    // For IT: Mozilla's autoconfig file, which discovery itself reads back as the same server.
    const xmlFile = join(dir(), 'config-v1.1.xml');
    const auto = await ponte(['configure', id, '--target', 'autoconfig', '--out', xmlFile]);
    expect(auto.code, auto.stdout + auto.stderr).toBe(0);
    expect(parseAutoconfig(await readFile(xmlFile, 'utf8'), anna.email)).toEqual({
      ok: true,
      servers: [
        {
          service: 'imap',
          endpoint: { host: '127.0.0.1', port: rig.imap.tlsPort, security: 'tls' },
          username: anna.email,
        },
        {
          service: 'smtp',
          endpoint: { host: '127.0.0.1', port: rig.smtp.tlsPort, security: 'tls' },
          username: anna.email,
        },
      ],
    });
    // An account without SMTP cannot be expressed (Thunderbird refuses such a file): exit 1, no file.
    const calendarOnly = JSON.parse((await addAnna(['--caldav', rig.caldav.url])).stdout) as AccountSummary;
    const refusedFile = join(dir(), 'calendar-only.xml');
    const refused = await ponte([
      'configure',
      calendarOnly.id,
      '--target',
      'autoconfig',
      '--out',
      refusedFile,
    ]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('needs an incoming (IMAP) and an outgoing (SMTP) server');
    await expect(stat(refusedFile)).rejects.toMatchObject({ code: 'ENOENT' });
    await ponte(['account', 'remove', id]);
  }, 60_000);

  it('a refused password leaves nothing behind; the undo still works once the drive was unmounted at logout', async () => {
    const add = await addAnna(['--webdav', anna.webdavUrl]);
    const { id } = JSON.parse(add.stdout) as AccountSummary;
    const bookmarks = join(dir(), 'home/.config/gtk-3.0/bookmarks');
    await writeFile(bookmarks, 'file:///srv/shared Shared\n');

    // The keychain now holds a password the server refuses (changed elsewhere): the mount fails half-way.
    await keytar.setPassword('Ponte', `account:${id}:main`, 'changed-elsewhere');
    const refused = await ponte(['configure', id, '--target', 'mount']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('could not be connected');
    expect(await gvfsHasMount(host)).toBe(false);
    expect(await readFile(bookmarks, 'utf8')).toBe('file:///srv/shared Shared\n');
    const afterRefusal = JSON.parse((await ponte(['account', 'list', '--json'])).stdout) as AccountSummary[];
    expect(afterRefusal.find((a) => a.id === id)?.targets).toEqual([]);

    await keytar.setPassword('Ponte', `account:${id}:main`, anna.password);
    const mounted = JSON.parse((await ponte(['configure', id, '--target', 'mount', '--json'])).stdout) as {
      location: string;
    };
    // Logging out unmounts GVfs drives; the recorded undo must still take back the rest.
    await new Promise<void>((resolve) =>
      spawn('gio', ['mount', '--unmount', mounted.location]).on('close', () => resolve()),
    );
    expect(await gvfsHasMount(host)).toBe(false);
    const undo = await ponte(['unconfigure', id, '--target', 'mount']);
    expect(undo.code, undo.stdout + undo.stderr).toBe(0);
    expect(undo.stdout).toContain('Taken back.');
    expect(await readFile(bookmarks, 'utf8')).toBe('file:///srv/shared Shared\n');
    expect((await ponte(['unconfigure', id, '--target', 'mount'])).stdout).toContain('Nothing to take back');
    await ponte(['account', 'remove', id]);
  }, 90_000);

  it('ponte reconnect: a drive GVfs forgot at logout comes back; a refused password is reported, never shown', async () => {
    const add = await addAnna(['--webdav', anna.webdavUrl]);
    const { id } = JSON.parse(add.stdout) as AccountSummary;
    expect((await ponte(['reconnect'])).stdout).toContain('No drive to connect');
    const mounted = JSON.parse((await ponte(['configure', id, '--target', 'mount', '--json'])).stdout) as {
      location: string;
    };
    const unmount = (): Promise<void> =>
      new Promise((resolve) =>
        spawn('gio', ['mount', '--unmount', mounted.location]).on('close', () => resolve()),
      );

    expect(JSON.parse((await ponte(['reconnect', '--json'])).stdout)).toEqual([
      { accountId: id, location: mounted.location, status: 'already' },
    ]);
    await unmount();
    expect(await gvfsHasMount(host)).toBe(false);
    const back = await ponte(['reconnect']);
    expect(back.code, back.stdout + back.stderr).toBe(0);
    expect(back.stdout).toContain(`Connected again: ${mounted.location}`);
    expect(await gvfsHasMount(host)).toBe(true);

    await unmount();
    await keytar.setPassword('Ponte', `account:${id}:main`, 'changed-elsewhere');
    const refused = await ponte(['reconnect']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`Could not connect ${mounted.location}`);
    expect(refused.stdout + refused.stderr).not.toContain('changed-elsewhere');
    expect(await gvfsHasMount(host)).toBe(false);
    await keytar.setPassword('Ponte', `account:${id}:main`, anna.password);
    expect((await ponte(['account', 'remove', id, '--undo-targets'])).code).toBe(0);
  }, 90_000);

  it('ponte rotate re-mounts the drive with the new password before the old one leaves the keychain', async () => {
    const add = await addAnna(['--webdav', anna.webdavUrl]);
    const { id } = JSON.parse(add.stdout) as AccountSummary;
    const mounted = JSON.parse((await ponte(['configure', id, '--target', 'mount', '--json'])).stdout) as {
      location: string;
    };
    // The old app password expired on the server (and the drive went with the last logout): only the new
    // password can bring it back, so a mounted drive afterwards proves the rotation mounted with it.
    await keytar.setPassword('Ponte', `account:${id}:main`, 'expired-app-password');
    await new Promise<void>((resolve) =>
      spawn('gio', ['mount', '--unmount', mounted.location]).on('close', () => resolve()),
    );
    expect(await gvfsHasMount(host)).toBe(false);
    const rotated = await ponte(['rotate', id, '--password-stdin'], { stdin: anna.password });
    expect(rotated.code, rotated.stdout + rotated.stderr).toBe(0);
    expect(rotated.stdout).toContain('New password in place');
    expect(await gvfsHasMount(host)).toBe(true);
    const listing = await new Promise<number | null>((resolve) =>
      spawn('gio', ['list', mounted.location]).on('close', (code) => resolve(code)),
    );
    expect(listing).toBe(0);
    expect(await keytar.getPassword('Ponte', `account:${id}:main`)).toBe(anna.password);
    expect((await ponte(['account', 'remove', id, '--undo-targets'])).code).toBe(0);
    expect(await gvfsHasMount(host)).toBe(false);
  }, 90_000);

  it('usage errors exit 2; an account without a drive exits 1 and says so', async () => {
    expect((await ponte(['configure'])).code).toBe(2);
    expect((await ponte(['configure', 'x', '--target', 'printer'])).code).toBe(2);
    const add = await addAnna(['--imap', `127.0.0.1:${rig.imap.tlsPort}`]);
    const { id } = JSON.parse(add.stdout) as AccountSummary;
    const noDrive = await ponte(['configure', id, '--target', 'mount']);
    expect(noDrive.code).toBe(1);
    expect(noDrive.stderr).toContain('no drive');
    await ponte(['account', 'remove', id]);
  }, 30_000);
});
