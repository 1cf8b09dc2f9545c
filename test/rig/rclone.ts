import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RigContext } from './context';
import { startDaemon, type Daemon } from './daemon';
import { bcryptHtpasswd } from './users';

export interface RcloneHandle {
  daemon: Daemon;
  /** Each user's folder by login. rclone has one share for every account it knows: folders are by convention. */
  userUrls: Record<string, string>;
  log: string;
}

/** `rclone serve webdav` over a local folder, with TLS and an htpasswd file (bcrypt) of the rig's users. */
export async function startRcloneWebdav(ctx: RigContext, port: number): Promise<RcloneHandle> {
  const dir = join(ctx.dir, 'rclone');
  const share = join(dir, 'share');
  for (const account of ctx.accounts) await mkdir(join(share, account.localPart), { recursive: true });
  const users = join(dir, 'users');
  await writeFile(users, await bcryptHtpasswd(ctx.accounts), { mode: 0o600 });
  const log = join(dir, 'rclone.log');
  const daemon = await startDaemon({
    name: 'rclone',
    command: 'rclone',
    // prettier-ignore
    args: [
      'serve', 'webdav', share, '--addr', `127.0.0.1:${port}`, '--htpasswd', users,
      '--cert', ctx.certs.certFile, '--key', ctx.certs.keyFile, '--config', join(dir, 'rclone.conf'),
    ],
    outputLog: log,
    readyPorts: [port],
  });
  const url = `https://127.0.0.1:${port}/`;
  return {
    daemon,
    userUrls: Object.fromEntries(ctx.accounts.map((a) => [a.login, `${url}${a.localPart}/`])),
    log,
  };
}
