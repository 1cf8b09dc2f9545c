import type { ServiceTarget } from '../../../src/core/verify/service-target';
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
