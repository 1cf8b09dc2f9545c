import type { AccountSummary } from '@shared/models';
import type { RigInfo, RigUser } from '../rig/rig-info';
import type { Ponte } from './run-ponte';

type Service = 'imap' | 'smtp' | 'caldav' | 'carddav' | 'webdav';

/** Which of the rig's implementations to use: Radicale and Apache unless told (see RigInfo.davServers). */
export interface RigServers {
  /** A CalDAV/CardDAV address from rig.davServers. */
  davUrl?: string;
  /** The user's folder on one of rig.webdavServers. */
  webdavUrl?: string;
}

/** `ponte account add` / `verify` options for a rig user's services, with the login and the rig's CA. */
export function rigServiceArgs(
  rig: RigInfo,
  user: RigUser,
  services: readonly Service[],
  servers: RigServers = {},
): string[] {
  const dav = servers.davUrl ?? rig.caldav.url;
  const value: Record<Service, string> = {
    imap: `127.0.0.1:${rig.imap.tlsPort}`,
    smtp: `127.0.0.1:${rig.smtp.submissionPort}/starttls`,
    caldav: dav,
    carddav: dav,
    webdav: servers.webdavUrl ?? user.webdavUrl,
  };
  return [
    ...services.flatMap((service) => [`--${service}`, value[service]]),
    '--user',
    user.login,
    '--ca',
    rig.caFile,
  ];
}

/**
 * Saves a rig user as IT would from a script (`ponte account add … --password-stdin --json`) through the
 * caller's own `ponte` (its data folder and HOME), and returns the new account's id.
 */
export async function addRigAccount(
  ponte: Ponte,
  rig: RigInfo,
  user: RigUser,
  services: readonly Service[],
  extra: readonly string[] = [],
  servers: RigServers = {},
): Promise<AccountSummary> {
  const add = await ponte(
    [
      'account',
      'add',
      '--email',
      user.email,
      ...rigServiceArgs(rig, user, services, servers),
      ...extra,
      '--password-stdin',
      '--json',
    ],
    { stdin: user.password },
  );
  if (add.code !== 0) throw new Error(`account add failed (exit ${add.code}): ${add.stdout}${add.stderr}`);
  return JSON.parse(add.stdout) as AccountSummary;
}
