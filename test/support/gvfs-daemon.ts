import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

const NAME_HAS_OWNER = [
  'call',
  '--session',
  '--dest',
  'org.freedesktop.DBus',
  '--object-path',
  '/org/freedesktop/DBus',
  '--method',
  'org.freedesktop.DBus.NameHasOwner',
  'org.gtk.vfs.Daemon',
];

/**
 * GVfs trusts only the system's CA bundle. Its daemon runs here in a private mount namespace where that bundle
 * also holds the test CA; nothing outside sees the change. It serves the D-Bus session the tests run in, so
 * `gio` (what Ponte runs) talks to it as it would to the desktop's own. Needs root, as the rig does.
 */
export async function startGvfsDaemon(dir: string, caPem: string): Promise<{ stop(): Promise<void> }> {
  const bundle = join(dir, 'ca-certificates.crt');
  await writeFile(bundle, `${await readFile('/etc/ssl/certs/ca-certificates.crt', 'utf8')}\n${caPem}`);
  const daemon: ChildProcess = spawn(
    'unshare',
    [
      '--mount',
      '--propagation',
      'private',
      'sh',
      '-c',
      'mount --bind "$1" /etc/ssl/certs/ca-certificates.crt && exec /usr/libexec/gvfsd --replace',
      'sh',
      bundle,
    ],
    // Its own process group: the backends gvfsd spawns (gvfsd-dav) are stopped with it.
    { stdio: 'ignore', detached: true },
  );
  const stopGroup = (): void => {
    try {
      if (daemon.pid) process.kill(-daemon.pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
  };
  const deadline = Date.now() + 10_000;
  while (!(await run('gdbus', NAME_HAS_OWNER)).stdout.includes('true')) {
    if (Date.now() > deadline) {
      stopGroup();
      throw new Error('the GVfs daemon did not appear on the session bus');
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    stop: async () => {
      stopGroup();
      // A backend still unmounting gets a moment to end before the rig checks for leftovers.
      const deadline = Date.now() + 3_000;
      const groupAlive = async (): Promise<boolean> =>
        (await run('pgrep', ['-g', String(daemon.pid)]).catch(() => ({ stdout: '' }))).stdout.trim() !== '';
      while (Date.now() < deadline && (await groupAlive())) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
  };
}

/** Whether GVfs lists a mount on this host:port. */
export async function gvfsHasMount(host: string): Promise<boolean> {
  return (await run('gio', ['mount', '--list'])).stdout.includes(host);
}
