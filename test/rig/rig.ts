import { chmod } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { startApacheWebdav } from './apache-webdav';
import { createCertificates } from './ca';
import type { RigContext, RigPorts } from './context';
import type { Daemon } from './daemon';
import { defaultDnsRecords } from './default-dns-records';
import { startDnsmasq } from './dnsmasq';
import { startDovecot } from './dovecot';
import { namedFreePorts } from './ports';
import { startPecProvider } from './pec-provider';
import { startPostfix } from './postfix';
import { processesMentioning, type ProcessInfo } from './proc-scan';
import { startNginx, type NginxHandle } from './nginx';
import { startRadicale } from './radicale';
import { type RcloneHandle, startRcloneWebdav } from './rclone';
import type { DnsRecord, RigInfo } from './rig-info';
import { createAccounts, rigDomain } from './users';
import { startXandikos, type XandikosHandle } from './xandikos';
import { makeTempDir, removeTempDir } from '../support/temp-dir';

export type { DnsRecord, RigInfo, RigUser } from './rig-info';

export interface RigOptions {
  /** Served next to the default records for ponte.test (see defaultDnsRecords). */
  extraDnsRecords?: DnsRecord[];
  /** Keep the temp dir (configs, mail, logs) after stop; PONTE_RIG_KEEP=1 does the same. */
  keepDir?: boolean;
}

export interface Rig {
  info: RigInfo;
  /** Stops every server, checks that none of the rig's processes remain, removes the temp dir. */
  stop(): Promise<void>;
}

const portNames = [
  'caldav',
  'webdav',
  'imapTls',
  'imapStarttls',
  'smtpTls',
  'smtpSubmission',
  'dns',
  'pecSmtp',
  'nginxLocation',
  'nginxRoot',
  'nginxXandikos',
  'xandikosRoot',
  'xandikosPrefix',
  'rclone',
] as const;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const formatProcesses = (processes: readonly ProcessInfo[]): string =>
  processes.map((p) => `${p.pid} [${p.state}] ${p.cmdline}`).join('\n');

/**
 * Kills whatever still carries the rig's marker, and fails loudly: a leftover is a bug in a stop().
 * Anything mentioning the run's private dir belongs to the rig, or watches files about to vanish.
 */
async function ensureNoLeftovers(marker: string): Promise<void> {
  const leftovers = processesMentioning(marker);
  if (leftovers.length === 0) return;
  for (const leftover of leftovers) {
    try {
      process.kill(leftover.pid, 'SIGKILL');
    } catch {
      // Ended on its own meanwhile.
    }
  }
  await sleep(200);
  throw new Error(`rig processes still running after stop (now killed):\n${formatProcesses(leftovers)}`);
}

/** A server process, or the PEC simulator that runs inside the rig's own process. */
type Stoppable = Pick<Daemon, 'name' | 'stop'>;

async function stopAll(daemons: readonly Stoppable[]): Promise<void> {
  const results = await Promise.allSettled(daemons.map((daemon) => daemon.stop()));
  const failures = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failures.length > 0) throw new Error(failures.map((f) => String(f.reason)).join('\n'));
}

/** Xandikos behind nginx and nginx's and rclone's WebDAV: the same protocols as Radicale and Apache. */
async function startSecondImplementations(
  ctx: RigContext,
  track: <T extends { daemon: Daemon }>(handle: T) => T,
): Promise<{ nginx: NginxHandle; rclone: RcloneHandle; xandikos: XandikosHandle[] }> {
  const rclonePromise = startRcloneWebdav(ctx, ctx.ports.rclone).then(track);
  const xandikos = await Promise.all([
    startXandikos(ctx, 'xandikos-root', ctx.ports.xandikosRoot, '/').then(track),
    startXandikos(ctx, 'xandikos-prefix', ctx.ports.xandikosPrefix, '/xandikos/').then(track),
  ]);
  const [root, prefix] = xandikos;
  const nginx = track(
    await startNginx(
      ctx,
      {
        locationPort: ctx.ports.nginxLocation,
        rootPort: ctx.ports.nginxRoot,
        xandikosPort: ctx.ports.nginxXandikos,
      },
      { root, prefix },
    ),
  );
  return { nginx, rclone: await rclonePromise, xandikos };
}

async function startServers(ctx: RigContext, options: RigOptions, started: Stoppable[]): Promise<RigInfo> {
  const track = <T extends { daemon: Daemon }>(handle: T): T => {
    started.push(handle.daemon);
    return handle;
  };
  const mail = startDovecot(ctx).then(async (dovecotHandle) => {
    const dovecot = track(dovecotHandle);
    return { dovecot, postfix: track(await startPostfix(ctx, dovecot)) };
  });
  const radicalePromise = startRadicale(ctx).then(track);
  const apachePromise = startApacheWebdav(ctx).then(track);
  const secondPromise = startSecondImplementations(ctx, track);
  // Settle everything before judging, so a failure never leaves a server starting unseen.
  const settled = await Promise.allSettled([mail, radicalePromise, apachePromise, secondPromise]);
  const failure = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failure) throw failure.reason;
  const [{ dovecot, postfix }, radicale, apache, second] = await Promise.all([
    mail,
    radicalePromise,
    apachePromise,
    secondPromise,
  ]);
  const { nginx, rclone } = second;
  const [xandikosRoot, xandikosPrefix] = second.xandikos;
  const pec = await startPecProvider(ctx, { host: '127.0.0.1', port: dovecot.tlsPort }, dovecot.lmtpSocket);
  started.push(pec);

  const records = [...defaultDnsRecords(rigDomain, ctx.ports), ...(options.extraDnsRecords ?? [])];
  const dns = track(
    await startDnsmasq({ dir: join(ctx.dir, 'dnsmasq'), domain: rigDomain, records, port: ctx.ports.dns }),
  );

  return {
    dir: ctx.dir,
    caFile: ctx.certs.caFile,
    caPem: ctx.certs.caPem,
    users: ctx.accounts.map((a) => ({
      email: a.email,
      login: a.login,
      password: a.password,
      webdavUrl: apache.userUrls[a.login] ?? '',
    })),
    imap: { host: '127.0.0.1', tlsPort: dovecot.tlsPort, starttlsPort: dovecot.starttlsPort },
    smtp: { host: '127.0.0.1', tlsPort: postfix.tlsPort, submissionPort: postfix.submissionPort },
    caldav: { url: radicale.url },
    webdav: { url: apache.url },
    davServers: [
      { name: 'Radicale', url: radicale.url },
      { name: 'Xandikos behind nginx, at the root', url: nginx.xandikosRootUrl },
      { name: 'Xandikos behind nginx, under /xandikos/', url: nginx.xandikosPrefixUrl },
    ],
    webdavServers: [
      { name: 'Apache mod_dav', userUrls: apache.userUrls },
      { name: 'nginx dav, in location /dav/', userUrls: nginx.locationUserUrls },
      { name: 'nginx dav, at the root', userUrls: nginx.rootUserUrls },
      { name: 'rclone serve webdav', userUrls: rclone.userUrls },
    ],
    webdavReadOnlyUrl: nginx.readOnlyUrl,
    pec: {
      host: '127.0.0.1',
      port: pec.port,
      gestore: pec.gestore,
      receiptDomain: pec.receiptDomain,
      silentDomain: pec.silentDomain,
    },
    dns: { host: '127.0.0.1', port: dns.port, domain: rigDomain, records },
    logs: {
      radicale: radicale.log,
      dovecot: dovecot.log,
      postfix: postfix.log,
      apache: apache.log,
      dnsmasq: dns.log,
      pec: pec.log,
      nginx: nginx.log,
      xandikosRoot: xandikosRoot?.log ?? '',
      xandikosPrefix: xandikosPrefix?.log ?? '',
      rclone: rclone.log,
    },
  };
}

/**
 * Starts real Radicale, Dovecot, Postfix, Apache mod_dav and dnsmasq servers on free high ports of
 * 127.0.0.1, with a throwaway CA and users. Needs root: Postfix's master and Dovecot drop privileges
 * to their Debian system users. If one server fails, the others are stopped and the error carries
 * that server's log tail.
 */
export async function startRig(options: RigOptions = {}): Promise<Rig> {
  if (process.getuid?.() !== 0) {
    throw new Error('the test rig runs Postfix and Dovecot as their system users, so it must start as root');
  }
  const dir = await makeTempDir('ponte-rig-');
  // Other users must traverse it: Dovecot's auth and mail processes, Postfix and Apache workers.
  await chmod(dir, 0o711);
  const marker = basename(dir);
  const keepDir = options.keepDir ?? process.env.PONTE_RIG_KEEP === '1';
  const started: Stoppable[] = [];

  const teardown = async (): Promise<void> => {
    try {
      await stopAll(started.splice(0));
      await ensureNoLeftovers(marker);
    } finally {
      if (!keepDir) await removeTempDir(dir);
    }
  };

  let info: RigInfo;
  try {
    const ports: RigPorts = await namedFreePorts(portNames);
    const ctx: RigContext = {
      dir,
      marker,
      certs: await createCertificates(dir),
      accounts: createAccounts(),
      ports,
    };
    info = await startServers(ctx, options, started);
  } catch (error) {
    await teardown().catch(() => undefined);
    throw error;
  }
  let stopping: Promise<void> | undefined;
  return { info, stop: () => (stopping ??= teardown()) };
}
