import type { Credential, ServiceTarget } from '../../../src/core/verify/service-target';
import type { ServiceKind } from '../../../src/shared/verify';
import type { RigInfo, RigUser } from '../../rig/rig-info';

/** All five services of one rig user, as a user would type them in the custom-server form. */
export function rigTargets(rig: RigInfo, user: RigUser, password = user.password): ServiceTarget[] {
  const credential = { username: user.login, password };
  return [
    {
      service: 'imap',
      endpoint: { host: rig.imap.host, port: rig.imap.tlsPort, security: 'tls' },
      credential,
    },
    {
      service: 'smtp',
      endpoint: { host: rig.smtp.host, port: rig.smtp.submissionPort, security: 'starttls' },
      credential,
    },
    { service: 'caldav', url: rig.caldav.url, credential },
    { service: 'carddav', url: rig.caldav.url, credential },
    { service: 'webdav', url: user.webdavUrl, credential },
  ];
}

export function rigUser(rig: RigInfo, index: number): RigUser {
  const user = rig.users[index];
  if (!user) throw new Error(`the rig has no user #${index}`);
  return user;
}

/** One service pointed at a fake server on loopback (the fault and hostile-server tests start one per case). */
export function loopbackTarget(
  service: ServiceKind,
  port: number,
  credential: Credential,
  security: 'tls' | 'starttls' = 'tls',
): ServiceTarget {
  return service === 'imap' || service === 'smtp'
    ? { service, endpoint: { host: '127.0.0.1', port, security }, credential }
    : { service, url: `https://127.0.0.1:${port}/`, credential };
}
