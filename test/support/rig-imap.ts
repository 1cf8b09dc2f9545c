import { ImapFlow } from 'imapflow';
import type { RigInfo, RigUser } from '../rig/rig-info';

/** A rig user's own IMAP session (implicit TLS, the rig's CA), connected; the caller logs out. */
export async function rigImap(rig: RigInfo, user: RigUser): Promise<ImapFlow> {
  const client = new ImapFlow({
    host: '127.0.0.1',
    port: rig.imap.tlsPort,
    secure: true,
    auth: { user: user.login, pass: user.password },
    tls: { ca: rig.caPem },
    logger: false,
  });
  await client.connect();
  return client;
}
