import type { RigCertificates } from './ca';
import type { RigAccount } from './users';

/** What every server module gets: where to write, which certificate to serve, which users exist. */
export interface RigContext {
  dir: string;
  /** The dir's unique base name; daemons carry it in their titles so leftovers can be found. */
  marker: string;
  certs: RigCertificates;
  accounts: RigAccount[];
  ports: RigPorts;
}

/**
 * Every port of one rig, picked in a single freePorts() call so no two servers of the rig can be
 * handed the same port between its release and the server's bind.
 */
export interface RigPorts {
  caldav: number;
  webdav: number;
  imapTls: number;
  imapStarttls: number;
  smtpTls: number;
  smtpSubmission: number;
  dns: number;
  /** The PEC provider simulator's SMTP submission (implicit TLS). */
  pecSmtp: number;
  /** The second implementations (see nginx.ts): nginx's three server blocks, Xandikos's two back ends, rclone. */
  nginxLocation: number;
  nginxRoot: number;
  nginxXandikos: number;
  xandikosRoot: number;
  xandikosPrefix: number;
  rclone: number;
}
