import { randomUUID } from 'node:crypto';
import type { AccountSummary, CredentialKind } from '@shared/models';
import type { ServiceKind, VerifyRequest } from '@shared/verify';
import type { ServiceTarget } from '../verify/service-target';
import type { TrustSettings } from '../verify/tls-trust';
import type { Account } from './account-schema';

export interface NewAccount {
  email: string;
  displayName?: string;
  providerId?: string | null;
  request: VerifyRequest;
  kind: CredentialKind;
  lifetimeDays?: number | null;
}

const SERVICES: ServiceKind[] = ['imap', 'smtp', 'caldav', 'carddav', 'webdav'];

/** An account from a checked request: one credential (`main`) used by every service in it. */
export function accountFromRequest(input: NewAccount, now: Date): Account {
  const { request } = input;
  const credential = 'main';
  const at = now.toISOString();
  return {
    id: randomUUID(),
    displayName: input.displayName?.trim() || input.email,
    email: input.email,
    providerId: input.providerId ?? null,
    createdAt: at,
    credentials: [
      {
        id: credential,
        kind: input.kind,
        username: request.username,
        createdAt: at,
        lifetimeDays: input.lifetimeDays ?? null,
      },
    ],
    services: {
      ...(request.imap ? { imap: { endpoint: request.imap, credential } } : {}),
      ...(request.smtp ? { smtp: { endpoint: request.smtp, credential } } : {}),
      ...(request.caldav ? { caldav: { url: request.caldav.url, credential } } : {}),
      ...(request.carddav ? { carddav: { url: request.carddav.url, credential } } : {}),
      ...(request.webdav ? { webdav: { url: request.webdav.url, credential } } : {}),
    },
    trust: {
      ...(request.caPem ? { caPem: request.caPem } : {}),
      ...(request.pinned?.length ? { pinned: request.pinned } : {}),
    },
  };
}

const DAY_MS = 86_400_000;

export function summarizeAccount(account: Account): AccountSummary {
  return {
    id: account.id,
    displayName: account.displayName,
    email: account.email,
    providerId: account.providerId,
    createdAt: account.createdAt,
    services: SERVICES.filter((service) => account.services[service] !== undefined),
    credentials: account.credentials.map((credential) => ({
      ...credential,
      expiresAt:
        credential.lifetimeDays === null
          ? null
          : new Date(Date.parse(credential.createdAt) + credential.lifetimeDays * DAY_MS).toISOString(),
    })),
  };
}

/** What the connection engine needs to re-check a saved account; secrets come from the keychain. */
export async function accountTargets(
  account: Account,
  secretOf: (credentialId: string) => Promise<string>,
): Promise<{ targets: ServiceTarget[]; trust: TrustSettings }> {
  const credentials = new Map<string, { username: string; password: string }>();
  for (const credential of account.credentials) {
    credentials.set(credential.id, {
      username: credential.username,
      password: await secretOf(credential.id),
    });
  }
  const use = (id: string): { username: string; password: string } => {
    const found = credentials.get(id);
    if (!found) throw new Error(`account ${account.id} has no credential ${id}`);
    return found;
  };
  const { imap, smtp, caldav, carddav, webdav } = account.services;
  const targets: ServiceTarget[] = [
    ...(imap
      ? [{ service: 'imap' as const, endpoint: imap.endpoint, credential: use(imap.credential) }]
      : []),
    ...(smtp
      ? [{ service: 'smtp' as const, endpoint: smtp.endpoint, credential: use(smtp.credential) }]
      : []),
    ...(caldav ? [{ service: 'caldav' as const, url: caldav.url, credential: use(caldav.credential) }] : []),
    ...(carddav
      ? [{ service: 'carddav' as const, url: carddav.url, credential: use(carddav.credential) }]
      : []),
    ...(webdav ? [{ service: 'webdav' as const, url: webdav.url, credential: use(webdav.credential) }] : []),
  ];
  return { targets, trust: account.trust };
}
