import type { MailEndpoint, ServiceKind } from '@shared/verify';
import type { TrustSettings } from './tls-trust';

export interface Credential {
  username: string;
  password: string;
}

/** One service to check, with the credential it takes (providers differ: Infomaniak uses two). */
export type ServiceTarget =
  | { service: 'imap'; endpoint: MailEndpoint; credential: Credential }
  | { service: 'smtp'; endpoint: MailEndpoint; credential: Credential }
  | { service: 'caldav'; url: string; credential: Credential }
  | { service: 'carddav'; url: string; credential: Credential }
  | { service: 'webdav'; url: string; credential: Credential; writeTest?: boolean };

export interface Timeouts {
  /** TCP + TLS handshake + greeting. */
  connectMs: number;
  /** Any single response once connected. */
  responseMs: number;
}

export const DEFAULT_TIMEOUTS: Timeouts = { connectMs: 10_000, responseMs: 20_000 };

/** What every protocol adapter receives besides its target. */
export interface AdapterContext {
  /** Aborted on cancel or when the service's time is up: the adapter closes its connection and rejects. */
  signal: AbortSignal;
  trust: TrustSettings;
  timeouts: Timeouts;
  /** Hosts the user confirmed; DAV redirects elsewhere are refused. The target's own host is always in. */
  confirmedHosts: readonly string[];
  /** Counts HTTP requests (benchmarks, tests); absent in normal runs. */
  onRequest?: (service: ServiceKind, method: string, url: string) => void;
}

export type Adapter<T extends ServiceTarget, Found> = (target: T, context: AdapterContext) => Promise<Found>;
