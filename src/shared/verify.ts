// What the connection engine reports, per service. Shared by core, CLI (--json), IPC and the UI; no secret
// ever appears here: the password goes in with the request and never comes back.

export const SERVICE_KINDS = ['imap', 'smtp', 'caldav', 'carddav', 'webdav'] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

/** Why a service check failed (or was skipped); each has a message and a fix in every locale. */
export const VERIFY_CODES = [
  'AUTH_FAILED',
  'APP_PASSWORD_REQUIRED',
  'TLS_UNTRUSTED',
  'TLS_HOSTNAME_MISMATCH',
  'TLS_EXPIRED',
  'TLS_REQUIRED_NOT_OFFERED',
  'INSECURE_URL',
  'REDIRECT_REFUSED',
  'CONNECTION_REFUSED',
  'HOST_NOT_FOUND',
  'NETWORK_UNREACHABLE',
  'TIMEOUT',
  'NOT_A_DAV_SERVER',
  'SERVICE_NOT_FOUND',
  'PROTOCOL_ERROR',
  'CANCELLED',
] as const;
export type VerifyCode = (typeof VERIFY_CODES)[number];

export type TlsMode = 'tls' | 'starttls';

export interface MailEndpoint {
  host: string;
  port: number;
  /** `tls`: implicit TLS from the first byte (993, 465); `starttls`: upgrade required, never plaintext. */
  security: TlsMode;
}

export interface ImapFolder {
  path: string;
  name: string;
  /** RFC 6154 role, when the server marks one. */
  specialUse?: 'sent' | 'drafts' | 'trash' | 'junk' | 'archive' | 'all' | 'flagged';
}

export interface Quota {
  usedBytes: number;
  /** Absent when the server reports usage without a limit. */
  limitBytes?: number;
}

export interface ImapFound {
  capabilities: string[];
  folders: ImapFolder[];
  quota?: Quota;
}

/** Nothing to report beyond "the password works for sending". */
export type SmtpFound = Record<string, never>;

export interface CalendarInfo {
  url: string;
  displayName: string;
  /** `#RRGGBB` or `#RRGGBBAA` as the server stores it (Apple's calendar-color). */
  color?: string;
  /** VEVENT, VTODO, VJOURNAL …; empty when the server does not restrict. */
  components: string[];
  readOnly: boolean;
}

export interface AddressBookInfo {
  url: string;
  displayName: string;
  readOnly: boolean;
}

/** Why a listed collection was not kept: not https, on a host or port nobody confirmed, or unusable. */
export type LeftOutReason = 'insecure' | 'otherServer' | 'invalid';

/**
 * A collection the server listed at an address Ponte will not send the password to: shown to the person,
 * never set up in a client.
 */
export interface LeftOutCollection {
  /** For display only: without user-info, query or fragment, at most 300 characters. */
  url: string;
  reason: LeftOutReason;
}

export interface CalDavFound {
  principalUrl: string;
  homeUrl: string;
  /** Only collections whose address passed the host policy: what clients are set up with. */
  calendars: CalendarInfo[];
  /** Present when some were left out. */
  leftOut?: LeftOutCollection[];
}

export interface CardDavFound {
  principalUrl: string;
  homeUrl: string;
  /** Only collections whose address passed the host policy: what clients are set up with. */
  addressBooks: AddressBookInfo[];
  /** Present when some were left out. */
  leftOut?: LeftOutCollection[];
}

export interface WebDavFound {
  url: string;
  /** Entries directly under the root. */
  entryCount: number;
  quota?: { usedBytes?: number; availableBytes?: number };
  /** Only present when a write test was asked for. */
  writable?: boolean;
}

export interface FoundByService {
  imap: ImapFound;
  smtp: SmtpFound;
  caldav: CalDavFound;
  carddav: CardDavFound;
  webdav: WebDavFound;
}

/** The certificate a server presented when it was not trusted: what a person compares with IT's word. */
export interface PresentedCertificate {
  /** SHA-256 fingerprint, `AA:BB:…`. */
  sha256: string;
  subject: string;
  issuer: string;
  validFrom: string;
  validTo: string;
  /** Public: sent back with a pin so core can trust exactly this certificate. */
  pem: string;
}

export type ServiceStatus = 'pending' | 'ok' | 'failed' | 'skipped';

export type ServiceResult = {
  [K in ServiceKind]: {
    service: K;
    status: ServiceStatus;
    /** Null while pending and when ok. */
    code: VerifyCode | null;
    durationMs: number;
    found?: FoundByService[K];
    /** The server's own words (e.g. an IMAP [ALERT]), with the password scrubbed; for support staff. */
    detail?: string;
    /** With TLS_UNTRUSTED and the other certificate codes, on implicit-TLS and https services. */
    certificate?: PresentedCertificate;
  };
}[ServiceKind];

/**
 * A check as the form and `ponte verify` describe it: a user name for every service (or, for providers that
 * want several, one per credential), and the passwords passed beside it, never inside.
 */
export interface VerifyRequest {
  username: string;
  imap?: MailEndpoint;
  smtp?: MailEndpoint;
  caldav?: { url: string };
  carddav?: { url: string };
  webdav?: { url: string; writeTest?: boolean };
  /** PEM of a private CA the user chose to trust for this check. */
  caPem?: string;
  /** Certificates the user confirmed by fingerprint (from a result's `certificate`). */
  pinned?: { sha256: string; pem: string }[];
  /** Time allowed per answer, in seconds. */
  timeoutSeconds?: number;
  /** Further credentials, for providers that want one per service (Infomaniak); `main` is `username`. */
  credentials?: ExtraCredential[];
  /** Which credential each service logs in with; `main` when absent. */
  use?: Partial<Record<ServiceKind, string>>;
}

/** The credential a request's `username` (and the password beside it) stands for. */
export const MAIN_CREDENTIAL = 'main';

export interface ExtraCredential {
  id: string;
  username: string;
}

/** A running or finished check, as the UI polls it. */
export interface VerifyProgress {
  operationId: string;
  done: boolean;
  /** Bumped on every change, so a poll can wait for news. */
  version: number;
  results: ServiceResult[];
}
