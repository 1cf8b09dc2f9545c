import { chmod, chown, mkdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RigContext } from './context';
import { DaemonStartError, startDaemon, type Daemon } from './daemon';
import { logTails } from './log-tail';
import { runCommand, runCommandOutput } from './run-command';
import { systemAccount, systemGroupId } from './system-accounts';
import { rigDomain } from './users';

export interface PostfixHandle {
  daemon: Daemon;
  tlsPort: number;
  submissionPort: number;
  log: string;
}

export interface DovecotSockets {
  lmtpSocket: string;
  authSocket: string;
}

function mainCf(ctx: RigContext, dir: string, dovecot: DovecotSockets): string {
  return [
    'compatibility_level = 3.6',
    // Its own queue and data dirs keep this instance apart from any system Postfix in /etc/postfix.
    `queue_directory = ${join(dir, 'queue')}`,
    `data_directory = ${join(dir, 'data')}`,
    // With -c, fatal config errors go only to syslog, which this machine lacks: log to a file instead.
    `maillog_file = ${join(dir, 'log', 'postfix.log')}`,
    `maillog_file_prefixes = ${join(dir, 'log')}`,
    `myhostname = mail.${rigDomain}`,
    `mydomain = ${rigDomain}`,
    `myorigin = ${rigDomain}`,
    'mydestination =',
    'inet_interfaces = 127.0.0.1',
    'inet_protocols = ipv4',
    'mynetworks = 127.0.0.0/8',
    'alias_maps =',
    'alias_database =',
    'local_recipient_maps =',
    'smtputf8_enable = no',
    `virtual_mailbox_domains = ${rigDomain}`,
    `virtual_transport = lmtp:unix:${dovecot.lmtpSocket}`,
    // Nothing leaves the machine: mail to any other domain bounces at once instead of waiting on DNS.
    'default_transport = error:the Ponte test rig delivers only to ponte.test',
    'relay_transport = error:the Ponte test rig delivers only to ponte.test',
    'smtp_dns_support_level = disabled',
    `smtpd_tls_cert_file = ${ctx.certs.certFile}`,
    `smtpd_tls_key_file = ${ctx.certs.keyFile}`,
    'smtpd_tls_security_level = may',
    'smtpd_tls_auth_only = yes',
    'smtpd_sasl_type = dovecot',
    `smtpd_sasl_path = ${dovecot.authSocket}`,
    'smtpd_sasl_auth_enable = no',
    'smtpd_relay_restrictions = permit_sasl_authenticated, reject',
    'smtpd_recipient_restrictions = permit_sasl_authenticated, reject',
    '',
  ].join('\n');
}

function masterCf(tlsPort: number, submissionPort: number): string {
  // Only submission listeners (no port 25) and the internal services a submission needs; none chrooted.
  return [
    `127.0.0.1:${tlsPort} inet n - n - - smtpd`,
    '  -o syslog_name=postfix/submissions',
    '  -o smtpd_tls_wrappermode=yes',
    '  -o smtpd_sasl_auth_enable=yes',
    `127.0.0.1:${submissionPort} inet n - n - - smtpd`,
    '  -o syslog_name=postfix/submission',
    '  -o smtpd_tls_security_level=encrypt',
    '  -o smtpd_sasl_auth_enable=yes',
    'pickup unix n - n 60 1 pickup',
    'cleanup unix n - n - 0 cleanup',
    'qmgr unix n - n 300 1 qmgr',
    'tlsmgr unix - - n 1000? 1 tlsmgr',
    'rewrite unix - - n - - trivial-rewrite',
    'bounce unix - - n - 0 bounce',
    'defer unix - - n - 0 bounce',
    'trace unix - - n - 0 bounce',
    'verify unix - - n - 1 verify',
    'flush unix n - n 1000? 0 flush',
    'proxymap unix - - n - - proxymap',
    'proxywrite unix - - n - 1 proxymap',
    'smtp unix - - n - - smtp',
    'relay unix - - n - - smtp',
    'showq unix n - n - - showq',
    'error unix - - n - - error',
    'retry unix - - n - - error',
    'discard unix - - n - - discard',
    'lmtp unix - - n - - lmtp',
    'anvil unix - - n - 1 anvil',
    'scache unix - - n - 1 scache',
    'postlog unix-dgram n - n - 1 postlogd',
    '',
  ].join('\n');
}

// The queue layout from /etc/postfix/postfix-files. Creating it here takes milliseconds, where
// `postfix check` (post-install create-missing) spends 1.5 s running postconf dozens of times.
const ownerOnlyQueues = 'active bounce corrupt defer deferred flush hold incoming private saved trace'.split(
  ' ',
);
const queueDirs: readonly { name: string; group?: string; mode: number }[] = [
  ...ownerOnlyQueues.map((name) => ({ name, mode: 0o700 })),
  { name: 'maildrop', group: 'postdrop', mode: 0o730 },
  { name: 'public', group: 'postdrop', mode: 0o710 },
];

async function createQueue(queue: string): Promise<void> {
  const owner = systemAccount('postfix');
  // pid/ stays root's, as master.pid is written before privileges are dropped.
  await mkdir(join(queue, 'pid'), { recursive: true });
  for (const dir of queueDirs) {
    const path = join(queue, dir.name);
    await mkdir(path);
    await chown(path, owner.uid, dir.group ? systemGroupId(dir.group) : 0);
    await chmod(path, dir.mode);
  }
}

/** Fails on what `postconf -n` warns about (unknown or repeated parameters): Postfix itself only logs them. */
async function checkConfig(confDir: string, log: string): Promise<void> {
  const { stderr } = await runCommandOutput('postconf', ['-c', confDir, '-n']).catch((error: unknown) => {
    throw new DaemonStartError('postfix', String(error), logTails([log]));
  });
  if (stderr.trim()) throw new DaemonStartError('postfix', 'main.cf has problems', stderr.trim());
}

/** A separate Postfix instance (`-c DIR`) whose submission ports authenticate and deliver through Dovecot. */
export async function startPostfix(ctx: RigContext, dovecot: DovecotSockets): Promise<PostfixHandle> {
  const dir = join(ctx.dir, 'postfix');
  const confDir = join(dir, 'conf');
  const { smtpTls: tlsPort, smtpSubmission: submissionPort } = ctx.ports;
  for (const sub of ['conf', 'data', 'log']) await mkdir(join(dir, sub), { recursive: true });
  const owner = systemAccount('postfix');
  await chown(join(dir, 'data'), owner.uid, owner.gid);
  await createQueue(join(dir, 'queue'));
  await writeFile(join(confDir, 'main.cf'), mainCf(ctx, dir, dovecot));
  await writeFile(join(confDir, 'master.cf'), masterCf(tlsPort, submissionPort));
  // Postfix will not read a file modified within the current second (it may be half written) and
  // polls every 0.3 s until it is older: back-date both so no program of the instance waits.
  const past = new Date(Date.now() - 60_000);
  for (const file of ['main.cf', 'master.cf']) await utimes(join(confDir, file), past, past);
  const log = join(dir, 'log', 'postfix.log');
  await checkConfig(confDir, log);
  const daemonDir = (await runCommand('postconf', ['-c', confDir, '-h', 'daemon_directory'])).trim();
  const daemon = await startDaemon({
    name: 'postfix',
    // The master itself in the foreground (-d) rather than `postfix start`, which daemonizes: our child,
    // so its exit is seen at once, and its process group holds every Postfix worker.
    command: join(daemonDir, 'master'),
    args: ['-c', confDir, '-d'],
    outputLog: join(dir, 'stdout.log'),
    otherLogs: [log],
    readyPorts: [tlsPort, submissionPort],
  });
  return { daemon, tlsPort, submissionPort, log };
}
