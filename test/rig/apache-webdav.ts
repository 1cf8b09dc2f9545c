import { chown, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RigContext } from './context';
import { startDaemon, type Daemon } from './daemon';
import { unprivilegedAccount } from './system-accounts';
import { bcryptHtpasswd } from './users';

export interface ApacheHandle {
  daemon: Daemon;
  url: string;
  /** Each user's folder URL by login. */
  userUrls: Record<string, string>;
  log: string;
}

const modules = [
  ['mpm_event_module', 'mod_mpm_event.so'],
  ['authn_core_module', 'mod_authn_core.so'],
  ['authn_file_module', 'mod_authn_file.so'],
  ['authz_core_module', 'mod_authz_core.so'],
  ['authz_user_module', 'mod_authz_user.so'],
  ['auth_basic_module', 'mod_auth_basic.so'],
  ['dav_module', 'mod_dav.so'],
  ['dav_fs_module', 'mod_dav_fs.so'],
  ['dir_module', 'mod_dir.so'],
  ['setenvif_module', 'mod_setenvif.so'],
  ['socache_shmcb_module', 'mod_socache_shmcb.so'],
  ['ssl_module', 'mod_ssl.so'],
];

function httpdConf(ctx: RigContext, dir: string, port: number): string {
  const worker = unprivilegedAccount();
  const root = join(dir, 'root');
  return [
    // Nothing from /etc/apache2: the server root, modules and every path are this run's own.
    `ServerRoot ${dir}`,
    'ServerName localhost',
    `Listen 127.0.0.1:${port}`,
    `PidFile ${join(dir, 'httpd.pid')}`,
    `DefaultRuntimeDir ${join(dir, 'run')}`,
    `ErrorLog ${join(dir, 'error.log')}`,
    'LogLevel warn',
    `CustomLog ${join(dir, 'access.log')} "%h %u \\"%r\\" %>s %b"`,
    ...modules.map(([name, file]) => `LoadModule ${name} /usr/lib/apache2/modules/${file}`),
    `User ${worker.user}`,
    `Group ${worker.group}`,
    'StartServers 1',
    'ServerLimit 2',
    'ThreadsPerChild 16',
    'MaxRequestWorkers 32',
    'MinSpareThreads 4',
    'MaxSpareThreads 32',
    'SSLEngine on',
    `SSLCertificateFile ${ctx.certs.certFile}`,
    `SSLCertificateKeyFile ${ctx.certs.keyFile}`,
    `SSLSessionCache shmcb:${join(dir, 'run', 'ssl_scache')}(512000)`,
    `DavLockDB ${join(dir, 'lock', 'DavLock')}`,
    `DocumentRoot ${root}`,
    // WebDAV clients often PROPFIND a folder without its trailing slash, and some do not follow a 301
    // for it: DirectorySlash Off (below) answers in place, redirect-carefully covers what is left.
    'BrowserMatch "." redirect-carefully',
    '<Directory />',
    '  Require all denied',
    '  AllowOverride None',
    '</Directory>',
    `<Directory ${root}>`,
    '  Dav On',
    '  DirectorySlash Off',
    '  AuthType Basic',
    '  AuthName "Ponte test rig"',
    '  AuthBasicProvider file',
    `  AuthUserFile ${join(dir, 'users')}`,
    '  Require valid-user',
    '</Directory>',
    ...ctx.accounts.flatMap((account) => [
      `<Directory ${join(root, account.localPart)}>`,
      `  Require user ${account.login}`,
      '</Directory>',
    ]),
    '',
  ].join('\n');
}

/** Apache with mod_dav over HTTPS: one folder per user, each readable only by its owner. */
export async function startApacheWebdav(ctx: RigContext): Promise<ApacheHandle> {
  const dir = join(ctx.dir, 'apache');
  const port = ctx.ports.webdav;
  const worker = unprivilegedAccount();
  // The workers run as `nobody`: they write uploads and locks, and read the password file per request.
  const owned = [
    join(dir, 'root'),
    join(dir, 'lock'),
    ...ctx.accounts.map((a) => join(dir, 'root', a.localPart)),
  ];
  await mkdir(join(dir, 'run'), { recursive: true });
  for (const folder of owned) {
    await mkdir(folder, { recursive: true });
    await chown(folder, worker.uid, worker.gid);
  }
  const users = join(dir, 'users');
  await writeFile(users, await bcryptHtpasswd(ctx.accounts), { mode: 0o600 });
  await chown(users, worker.uid, worker.gid);
  const configFile = join(dir, 'httpd.conf');
  await writeFile(configFile, httpdConf(ctx, dir, port));
  const log = join(dir, 'error.log');
  const daemon = await startDaemon({
    name: 'apache',
    command: 'apache2',
    args: ['-f', configFile, '-DFOREGROUND'],
    outputLog: join(dir, 'stdout.log'),
    otherLogs: [log],
    readyPorts: [port],
  });
  const url = `https://127.0.0.1:${port}/`;
  const userUrls = Object.fromEntries(ctx.accounts.map((a) => [a.login, `${url}${a.localPart}/`]));
  return { daemon, url, userUrls, log };
}
