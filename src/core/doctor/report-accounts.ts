import type { AccountSummary, CredentialSummary } from '@shared/models';
import type { ServiceKind } from '@shared/verify';
import type { Account } from '../accounts/account-schema';

/**
 * An account as the support report shows it: what was set up and how it stands, never who (no name, address
 * or login), never a password, certificate or keychain entry, and only the host of each server address (a
 * DAV path often holds the login).
 */
export interface ReportAccount {
  id: string;
  providerId: string | null;
  pec: boolean;
  createdAt: string;
  services: ReportService[];
  credentials: ReportCredential[];
  targets: { target: string; at: string }[];
  lastCheck: AccountSummary['lastCheck'];
}

export interface ReportService {
  service: ServiceKind;
  host: string;
  port?: number;
  security?: 'tls' | 'starttls';
  credential: string;
}

export type ReportCredential = Pick<
  CredentialSummary,
  'id' | 'kind' | 'createdAt' | 'lifetimeDays' | 'extendedAt' | 'expiresAt'
> & { status: CredentialSummary['status']['state'] };

export function reportAccount(account: Account, summary: AccountSummary): ReportAccount {
  return {
    id: account.id,
    providerId: account.providerId,
    pec: summary.pec,
    createdAt: account.createdAt,
    services: reportServices(account),
    credentials: summary.credentials.map((credential) => ({
      id: credential.id,
      kind: credential.kind,
      createdAt: credential.createdAt,
      lifetimeDays: credential.lifetimeDays,
      ...(credential.extendedAt ? { extendedAt: credential.extendedAt } : {}),
      expiresAt: credential.expiresAt,
      status: credential.status.state,
    })),
    targets: summary.targets.map(({ target, at }) => ({ target, at })),
    lastCheck: summary.lastCheck,
  };
}

function reportServices(account: Account): ReportService[] {
  const services: ReportService[] = [];
  const { imap, smtp } = account.services;
  for (const [service, mail] of [['imap', imap] as const, ['smtp', smtp] as const]) {
    if (mail) services.push({ service, ...mail.endpoint, credential: mail.credential });
  }
  for (const service of ['caldav', 'carddav', 'webdav'] as const) {
    const dav = account.services[service];
    if (dav) services.push({ service, host: hostOf(dav.url), credential: dav.credential });
  }
  return services;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    // The schema accepts only URLs; a value that still does not parse is not shown at all.
    return '(not a URL)';
  }
}
