import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RigInfo } from '../rig/rig-info';
import { runCommand } from '../rig/run-command';

/**
 * Changes a rig user's password on the servers themselves, as a provider does when an app password is revoked
 * or replaced: Dovecot's passwd-file (read again when it changes) and the htpasswd files Radicale, Apache and
 * nginx (for Xandikos and its WebDAV) read at each login. rclone reads its file once at start: it keeps the old
 * password. Files are rewritten in place, so their owners and modes stay. Only for the `rota` user: other test
 * files use the others in parallel.
 */
export async function setRigPassword(rig: RigInfo, login: string, password: string): Promise<void> {
  const replaceLine = async (file: string, line: string): Promise<void> => {
    const lines = (await readFile(file, 'utf8')).split('\n');
    const index = lines.findIndex((entry) => entry.startsWith(`${login}:`));
    if (index === -1) throw new Error(`${login} is not in ${file}`);
    lines[index] = line;
    await writeFile(file, lines.join('\n'));
  };
  await replaceLine(join(rig.dir, 'dovecot', 'passwd'), `${login}:{PLAIN}${password}`);
  const hashed = await runCommand('htpasswd', ['-niB', '-C', '5', login], { input: `${password}\n` });
  const localPart = login.split('@')[0] ?? login;
  const files = [
    join(rig.dir, 'radicale', 'users'),
    join(rig.dir, 'apache', 'users'),
    join(rig.dir, 'nginx', 'users', 'all'),
    join(rig.dir, 'nginx', 'users', localPart),
  ];
  for (const file of files) await replaceLine(file, hashed.trim());
}
