import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RigInfo } from '../rig/rig-info';
import { runCommand } from '../rig/run-command';

/**
 * Changes a rig user's password on the servers themselves, as a provider does when an app password is revoked
 * or replaced: Dovecot's passwd-file (read again when it changes) and the htpasswd files Radicale and Apache
 * read at each login. Files are rewritten in place, so their owners and modes stay. Only for the `rota` user:
 * other test files use the others in parallel.
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
  for (const server of ['radicale', 'apache'])
    await replaceLine(join(rig.dir, server, 'users'), hashed.trim());
}
