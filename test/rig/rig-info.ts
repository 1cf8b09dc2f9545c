/** What tests get from `inject('rig')`: plain JSON, since vitest passes it from the main process. */

export interface RigUser {
  email: string;
  /** The user name for IMAP, SMTP AUTH, CalDAV/CardDAV and WebDAV: the full address. */
  login: string;
  /** Random per run. */
  password: string;
  /** This user's own WebDAV folder: `${webdav.url}<local part>/`, ending in a slash. */
  webdavUrl: string;
}

/**
 * A CalDAV/CardDAV server of the rig, by the address a person would type. Each has, for every user, the
 * calendars Lavoro (colour #2E7D32FF, one event "Riunione di prova") and Promemoria (to-dos), and the address
 * book Contatti (one contact, Giulia Rossi).
 */
export interface DavServer {
  /** The implementation and how it is set up, for test titles: `Xandikos behind nginx, under /xandikos/`. */
  name: string;
  url: string;
}

/** A WebDAV server of the rig: each user's own folder on it, by login. */
export interface WebdavServer {
  name: string;
  userUrls: Record<string, string>;
}

export type DnsRecord =
  | { type: 'A'; name: string; address: string }
  | { type: 'CNAME'; name: string; target: string }
  | { type: 'MX'; name: string; exchange: string; priority: number }
  | { type: 'SRV'; name: string; target: string; port: number; priority: number; weight: number }
  | { type: 'TXT'; name: string; value: string };

export interface RigInfo {
  /** The run's temp dir; every server's config, data and logs live under it. */
  dir: string;
  caFile: string;
  caPem: string;
  users: RigUser[];
  imap: { host: '127.0.0.1'; tlsPort: number; starttlsPort: number };
  smtp: { host: '127.0.0.1'; tlsPort: number; submissionPort: number };
  /** Radicale's root URL (https, ends in a slash); each user's collections are under `<login>/`. */
  caldav: { url: string };
  /** Apache mod_dav's root URL (https, ends in a slash); see RigUser.webdavUrl. */
  webdav: { url: string };
  /** The PEC provider simulator (test/rig/pec-provider.ts): SMTP submission with implicit TLS; the boxes are
   *  Dovecot's. Rig users are PEC boxes, other names at the rig domain do not exist, silentDomain never answers. */
  pec: { host: '127.0.0.1'; port: number; gestore: string; receiptDomain: string; silentDomain: string };
  /** Radicale first, then the second implementation (Xandikos behind nginx, at the root and under a path). */
  davServers: DavServer[];
  /** Apache mod_dav first, then nginx (in a location and at the root) and rclone. */
  webdavServers: WebdavServer[];
  /** nginx's read-only location: every user may list and read it, nobody may change it. */
  webdavReadOnlyUrl: string;
  dns: { host: '127.0.0.1'; port: number; domain: string; records: DnsRecord[] };
  /** Log files by server, for a test that asserts what a server saw. */
  logs: Record<
    | 'radicale'
    | 'dovecot'
    | 'postfix'
    | 'apache'
    | 'dnsmasq'
    | 'pec'
    | 'nginx'
    | 'xandikosRoot'
    | 'xandikosPrefix'
    | 'rclone',
    string
  >;
}
