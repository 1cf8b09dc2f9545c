import { chown, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RigContext } from './context';
import { startDaemon, type Daemon } from './daemon';
import { systemAccount, unprivilegedAccount } from './system-accounts';

export interface DovecotHandle {
  daemon: Daemon;
  tlsPort: number;
  starttlsPort: number;
  /** Postfix delivers here (virtual_transport = lmtp:unix:…). */
  lmtpSocket: string;
  /** Postfix asks here whether SMTP AUTH credentials are right (smtpd_sasl_type = dovecot). */
  authSocket: string;
  log: string;
}

function dovecotConfig(ctx: RigContext, dir: string, tlsPort: number, starttlsPort: number): string {
  const mailOwner = unprivilegedAccount();
  const mailRoot = join(dir, 'mail');
  const specialUse = ['Sent', 'Drafts', 'Trash', 'Junk'];
  return [
    `base_dir = ${join(dir, 'run')}`,
    `state_dir = ${join(dir, 'state')}`,
    // Children are titled `dovecot-<instance>/imap-login`: the marker makes leftovers findable.
    `instance_name = ${ctx.marker}`,
    `log_path = ${join(dir, 'dovecot.log')}`,
    'protocols = imap lmtp',
    'listen = 127.0.0.1',
    'ssl = required',
    `ssl_cert = <${ctx.certs.certFile}`,
    `ssl_key = <${ctx.certs.keyFile}`,
    // Running as root: Dovecot's own users from the Debian package for its internals and login
    // processes, and `nobody` as the owner of the mail files.
    'default_internal_user = dovecot',
    'default_login_user = dovenull',
    `mail_uid = ${mailOwner.uid}`,
    `mail_gid = ${mailOwner.gid}`,
    'first_valid_uid = 1',
    `mail_location = maildir:${mailRoot}/%d/%n`,
    'auth_mechanisms = plain login',
    // Tests try wrong passwords on purpose: Dovecot would answer each failure after 2 s, and the
    // anvil penalty (switched off below) would make later logins from 127.0.0.1 wait 4, 8, 15 s.
    'auth_failure_delay = 0',
    // auth_failure_delay = 0 still leaves failures queued for Dovecot's 0.5 s flush timer; only a
    // `nodelay` field skips it. A failing passdb's fields are rolled back, so this first passdb
    // (whose `noauthenticate` result hands on to the next) sets it for every login attempt.
    'passdb {',
    '  driver = static',
    '  args = noauthenticate nodelay=yes',
    '}',
    'passdb {',
    '  driver = passwd-file',
    `  args = scheme=PLAIN username_format=%u ${join(dir, 'passwd')}`,
    '}',
    'userdb {',
    '  driver = static',
    `  args = uid=${mailOwner.uid} gid=${mailOwner.gid} home=${mailRoot}/%d/%n`,
    '}',
    'mail_plugins = $mail_plugins quota',
    'protocol imap {',
    '  mail_plugins = $mail_plugins imap_quota',
    '}',
    'plugin {',
    '  quota = count:User quota',
    '  quota_vsizes = yes',
    '  quota_rule = *:storage=100M',
    '}',
    'namespace inbox {',
    '  inbox = yes',
    ...specialUse.flatMap((name) => [
      `  mailbox ${name} {`,
      `    special_use = \\${name}`,
      '    auto = subscribe',
      '  }',
    ]),
    '}',
    'service imap-login {',
    '  inet_listener imap {',
    '    address = 127.0.0.1',
    `    port = ${starttlsPort}`,
    '  }',
    '  inet_listener imaps {',
    '    address = 127.0.0.1',
    `    port = ${tlsPort}`,
    '    ssl = yes',
    '  }',
    '}',
    'service lmtp {',
    `  unix_listener ${join(dir, 'lmtp')} {`,
    '    user = postfix',
    '    mode = 0600',
    '  }',
    '}',
    'service auth {',
    `  unix_listener ${join(dir, 'auth')} {`,
    '    user = postfix',
    '    mode = 0600',
    '  }',
    '}',
    // Mode 0 turns the penalty off; base_dir is new each run, so no earlier run's socket lingers.
    'service anvil {',
    '  unix_listener anvil-auth-penalty {',
    '    mode = 0',
    '  }',
    '}',
    'service stats {',
    // Mail processes run as `nobody`, outside the dovecot group the default socket mode expects.
    '  unix_listener stats-writer {',
    '    mode = 0666',
    '  }',
    '}',
    '',
  ].join('\n');
}

export async function startDovecot(ctx: RigContext): Promise<DovecotHandle> {
  const dir = join(ctx.dir, 'dovecot');
  const { imapTls: tlsPort, imapStarttls: starttlsPort } = ctx.ports;
  const mailOwner = unprivilegedAccount();
  await mkdir(join(dir, 'mail'), { recursive: true });
  await chown(join(dir, 'mail'), mailOwner.uid, mailOwner.gid);
  const passwd = join(dir, 'passwd');
  // PLAIN scheme: throwaway per-run passwords in a file only root and the auth process can read.
  const entries = ctx.accounts.map((account) => `${account.login}:{PLAIN}${account.password}`);
  await writeFile(passwd, entries.join('\n') + '\n', { mode: 0o600 });
  const dovecotUser = systemAccount('dovecot');
  await chown(passwd, dovecotUser.uid, dovecotUser.gid);
  const configFile = join(dir, 'dovecot.conf');
  await writeFile(configFile, dovecotConfig(ctx, dir, tlsPort, starttlsPort));
  const log = join(dir, 'dovecot.log');
  const daemon = await startDaemon({
    name: 'dovecot',
    command: 'dovecot',
    args: ['-F', '-c', configFile],
    outputLog: join(dir, 'stdout.log'),
    otherLogs: [log],
    readyPorts: [tlsPort, starttlsPort],
  });
  return { daemon, tlsPort, starttlsPort, lmtpSocket: join(dir, 'lmtp'), authSocket: join(dir, 'auth'), log };
}
