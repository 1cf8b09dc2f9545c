import type { RigInfo, RigUser } from '../../rig/rig-info';

type Service = 'imap' | 'smtp' | 'caldav' | 'carddav' | 'webdav';

/** `ponte account add` / `verify` options for a rig user's services, with the login and the rig's CA. */
export function rigServiceArgs(rig: RigInfo, user: RigUser, services: readonly Service[]): string[] {
  const value: Record<Service, string> = {
    imap: `127.0.0.1:${rig.imap.tlsPort}`,
    smtp: `127.0.0.1:${rig.smtp.submissionPort}/starttls`,
    caldav: rig.caldav.url,
    carddav: rig.caldav.url,
    webdav: user.webdavUrl,
  };
  return [
    ...services.flatMap((service) => [`--${service}`, value[service]]),
    '--user',
    user.login,
    '--ca',
    rig.caFile,
  ];
}
