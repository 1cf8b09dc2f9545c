import { chown, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RigContext } from './context';
import { startDaemon, type Daemon } from './daemon';
import { unprivilegedAccount } from './system-accounts';
import { bcryptHtpasswd, type RigAccount } from './users';
import type { XandikosHandle } from './xandikos';

// One nginx for the rig's second implementations, set up as their manuals show:
// - `locationPort`: WebDAV (http_dav + dav-ext) inside `location /dav/`, a folder per user; a read-only
//   `location /shared/`; and Xandikos under `/xandikos/` with its `/.well-known/` redirects.
// - `rootPort`: WebDAV at the server's root, a folder per user.
// - `xandikosPort`: Xandikos at the root.
// Every server block does TLS with the rig's certificate and Basic auth; a user's own folder takes only
// that user's password (a one-line password file per folder).

export interface NginxPorts {
  locationPort: number;
  rootPort: number;
  xandikosPort: number;
}

export interface NginxHandle {
  daemon: Daemon;
  /** Each user's WebDAV folder by login, in the `/dav/` location and at the root. */
  locationUserUrls: Record<string, string>;
  rootUserUrls: Record<string, string>;
  /** A folder every user may read and nobody may change. */
  readOnlyUrl: string;
  xandikosPrefixUrl: string;
  xandikosRootUrl: string;
  log: string;
}

const davDirectives = [
  'dav_methods PUT DELETE MKCOL COPY MOVE;',
  'dav_ext_methods PROPFIND OPTIONS;',
  'dav_access user:rw group:r;',
  'create_full_put_path on;',
];

const indent = (lines: readonly string[], depth = 1): string[] =>
  lines.map((l) => `${'  '.repeat(depth)}${l}`);

function userFolders(dir: string, accounts: readonly RigAccount[], prefix: string): string[] {
  return accounts.flatMap((account) => [
    `location ${prefix}${account.localPart}/ {`,
    `  auth_basic_user_file ${join(dir, 'users', account.localPart)};`,
    '}',
  ]);
}

function proxyTo(xandikos: XandikosHandle): string[] {
  return [
    `proxy_pass ${xandikos.backend};`,
    'proxy_set_header Host $http_host;',
    'proxy_set_header X-Remote-User $remote_user;',
    'proxy_buffering off;',
  ];
}

function server(ctx: RigContext, dir: string, port: number, body: readonly string[]): string[] {
  return [
    'server {',
    ...indent([
      `listen 127.0.0.1:${port} ssl;`,
      `ssl_certificate ${ctx.certs.certFile};`,
      `ssl_certificate_key ${ctx.certs.keyFile};`,
      'auth_basic "Ponte test rig";',
      `auth_basic_user_file ${join(dir, 'users', 'all')};`,
      'client_max_body_size 64m;',
      ...body,
    ]),
    '}',
  ];
}

function nginxConf(
  ctx: RigContext,
  dir: string,
  ports: NginxPorts,
  xandikos: { prefix: XandikosHandle; root: XandikosHandle },
): string {
  const worker = unprivilegedAccount();
  const data = join(dir, 'data');
  const temp = (kind: string): string => `${kind}_temp_path ${join(dir, 'temp', kind)};`;
  return [
    'load_module /usr/lib/nginx/modules/ngx_http_dav_ext_module.so;',
    'daemon off;',
    'master_process on;',
    'worker_processes 1;',
    `user ${worker.user} ${worker.group};`,
    `pid ${join(dir, 'nginx.pid')};`,
    `error_log ${join(dir, 'error.log')} warn;`,
    'events { worker_connections 256; }',
    'http {',
    ...indent([
      `access_log ${join(dir, 'access.log')};`,
      'default_type application/octet-stream;',
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp),
      ...server(ctx, dir, ports.locationPort, [
        `root ${join(data, 'location')};`,
        'location / { return 404; }',
        'location /dav/ {',
        ...indent([...davDirectives, ...userFolders(dir, ctx.accounts, '/dav/')]),
        '}',
        'location /shared/ {',
        ...indent(['dav_ext_methods PROPFIND OPTIONS;', 'limit_except GET PROPFIND OPTIONS { deny all; }']),
        '}',
        'location /xandikos/ {',
        ...indent(proxyTo(xandikos.prefix)),
        '}',
        'location /.well-known/ {',
        ...indent(proxyTo(xandikos.prefix)),
        '}',
      ]),
      ...server(ctx, dir, ports.rootPort, [
        `root ${join(data, 'root')};`,
        'location / {',
        ...indent([...davDirectives, ...userFolders(dir, ctx.accounts, '/')]),
        '}',
      ]),
      ...server(ctx, dir, ports.xandikosPort, ['location / {', ...indent(proxyTo(xandikos.root)), '}']),
    ]),
    '}',
    '',
  ].join('\n');
}

async function writePasswordFiles(dir: string, accounts: readonly RigAccount[]): Promise<void> {
  const worker = unprivilegedAccount();
  const folder = join(dir, 'users');
  await mkdir(folder, { recursive: true });
  const write = async (name: string, body: string): Promise<void> => {
    const file = join(folder, name);
    await writeFile(file, body, { mode: 0o600 });
    await chown(file, worker.uid, worker.gid);
  };
  await write('all', await bcryptHtpasswd(accounts));
  for (const account of accounts) await write(account.localPart, await bcryptHtpasswd([account]));
}

export async function startNginx(
  ctx: RigContext,
  ports: NginxPorts,
  xandikos: { prefix: XandikosHandle; root: XandikosHandle },
): Promise<NginxHandle> {
  const dir = join(ctx.dir, 'nginx');
  const worker = unprivilegedAccount();
  const data = join(dir, 'data');
  const owned = [
    ...ctx.accounts.flatMap((a) => [
      join(data, 'location', 'dav', a.localPart),
      join(data, 'root', a.localPart),
    ]),
    join(data, 'location', 'shared'),
    join(dir, 'temp'),
  ];
  for (const folder of owned) {
    await mkdir(folder, { recursive: true });
    await chown(folder, worker.uid, worker.gid);
  }
  await writeFile(join(data, 'location', 'shared', 'orario.txt'), 'Lun–Ven 9–18\n');
  await writePasswordFiles(dir, ctx.accounts);
  const configFile = join(dir, 'nginx.conf');
  await writeFile(configFile, nginxConf(ctx, dir, ports, xandikos));
  const log = join(dir, 'error.log');
  const daemon = await startDaemon({
    name: 'nginx',
    command: 'nginx',
    args: ['-p', dir, '-c', configFile, '-e', log],
    outputLog: join(dir, 'stdout.log'),
    otherLogs: [log],
    readyPorts: [ports.locationPort, ports.rootPort, ports.xandikosPort],
  });
  const origin = (port: number): string => `https://127.0.0.1:${port}`;
  const byLogin = (base: string): Record<string, string> =>
    Object.fromEntries(ctx.accounts.map((a) => [a.login, `${base}${a.localPart}/`]));
  return {
    daemon,
    locationUserUrls: byLogin(`${origin(ports.locationPort)}/dav/`),
    rootUserUrls: byLogin(`${origin(ports.rootPort)}/`),
    readOnlyUrl: `${origin(ports.locationPort)}/shared/`,
    xandikosPrefixUrl: `${origin(ports.locationPort)}/xandikos/`,
    xandikosRootUrl: `${origin(ports.xandikosPort)}/`,
    log,
  };
}
