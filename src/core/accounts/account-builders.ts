import {
  credentialStatus,
  expiryOf,
  isRefusal,
  isUnreachable,
  refusedAtLastCheck,
} from '@shared/credential-state';
import {
  type AccountSelection,
  type AccountSummary,
  type CredentialKind,
  DEFAULT_REMINDER_DAYS,
  type LastCheck,
} from '@shared/models';
import { MAIN_CREDENTIAL, type ServiceKind, type ServiceResult, type VerifyRequest } from '@shared/verify';
import type { Credential, ServiceTarget } from '../verify/service-target';
import type { TrustSettings } from '../verify/tls-trust';
import type { Account, StoredCredential } from './account-schema';

export interface NewAccount {
  email: string;
  displayName?: string;
  providerId?: string | null;
  request: VerifyRequest;
  /** Kind and lifetime of the main credential … */
  kind: CredentialKind;
  lifetimeDays?: number | null;
  /** … and of each further one in the request. */
  credentialFacts?: Record<string, { kind: CredentialKind; lifetimeDays?: number | null }>;
  selection?: AccountSelection;
  /** When its passwords were created, for app passwords that already existed (default: now). */
  passwordsCreatedAt?: string;
  /** A PEC box (the provider is a PEC provider, or the person said so). */
  pec?: boolean;
  /** Set up from an IT profile. */
  provisioned?: { organisation: string; key: string };
}

const SERVICES: ServiceKind[] = ['imap', 'smtp', 'caldav', 'carddav', 'webdav'];

/** An account from a checked request: its credentials (only those a service uses) and services. */
export function accountFromRequest(input: NewAccount, now: Date): Account {
  const { request } = input;
  const at = now.toISOString();
  const used = (service: ServiceKind): string => request.use?.[service] ?? MAIN_CREDENTIAL;
  const inUse = new Set(SERVICES.filter((service) => request[service]).map(used));
  const credentials: StoredCredential[] = [
    { id: MAIN_CREDENTIAL, username: request.username, kind: input.kind, lifetimeDays: input.lifetimeDays },
    ...(request.credentials ?? []).map((extra) => ({
      id: extra.id,
      username: extra.username,
      kind: input.credentialFacts?.[extra.id]?.kind ?? input.kind,
      lifetimeDays: input.credentialFacts?.[extra.id]?.lifetimeDays,
    })),
  ]
    .filter((credential) => inUse.has(credential.id))
    .map((credential) => ({
      ...credential,
      createdAt: input.passwordsCreatedAt ?? at,
      lifetimeDays: credential.lifetimeDays ?? null,
    }));
  return {
    // Web Crypto's global loads on first use; importing node:crypto would cost every command ~5 ms.
    id: globalThis.crypto.randomUUID(),
    displayName: input.displayName?.trim() || input.email,
    email: input.email,
    providerId: input.providerId ?? null,
    ...(input.pec ? { pec: true } : {}),
    ...(input.provisioned ? { provisioned: input.provisioned } : {}),
    createdAt: at,
    credentials,
    services: {
      ...(request.imap ? { imap: { endpoint: request.imap, credential: used('imap') } } : {}),
      ...(request.smtp ? { smtp: { endpoint: request.smtp, credential: used('smtp') } } : {}),
      ...(request.caldav ? { caldav: { url: request.caldav.url, credential: used('caldav') } } : {}),
      ...(request.carddav ? { carddav: { url: request.carddav.url, credential: used('carddav') } } : {}),
      ...(request.webdav ? { webdav: { url: request.webdav.url, credential: used('webdav') } } : {}),
    },
    ...(input.selection ? { selection: input.selection } : {}),
    trust: {
      ...(request.caPem ? { caPem: request.caPem } : {}),
      ...(request.pinned?.length ? { pinned: request.pinned } : {}),
    },
  };
}

const DAY_MS = 86_400_000;

/** The account as the UI and the CLI see it; `thresholds` are the reminder days that make a password "expiring". */
export function summarizeAccount(
  account: Account,
  now = new Date(),
  thresholds: readonly number[] = DEFAULT_REMINDER_DAYS,
): AccountSummary {
  const servicesUsing = (credentialId: string): ServiceKind[] =>
    SERVICES.filter((service) => account.services[service]?.credential === credentialId);
  return {
    id: account.id,
    displayName: account.displayName,
    email: account.email,
    providerId: account.providerId,
    pec: account.pec === true,
    createdAt: account.createdAt,
    services: SERVICES.filter((service) => account.services[service] !== undefined),
    serviceCredentials: Object.fromEntries(
      SERVICES.flatMap((service) => {
        const used = account.services[service];
        return used ? [[service, used.credential]] : [];
      }),
    ),
    selection: account.selection ?? null,
    lastCheck: account.lastCheck ?? null,
    targets: (account.targets ?? []).map(({ target, at, location }) => ({ target, at, location })),
    credentials: account.credentials.map((credential) => {
      // Refused after this password was entered (an extension keeps the same password).
      const refused = refusedAtLastCheck(
        account.lastCheck ?? null,
        servicesUsing(credential.id),
        credential.createdAt,
      );
      return {
        ...credential,
        ageDays: Math.max(0, Math.floor((now.getTime() - Date.parse(credential.createdAt)) / DAY_MS)),
        expiresAt: expiryOf(credential)?.toISOString() ?? null,
        status: credentialStatus(credential, refused, now, thresholds),
      };
    }),
  };
}

/**
 * What the connection engine needs to re-check a saved account (or, with `include`, some of its services);
 * secrets come from the keychain, and only those of the credentials the chosen services use.
 */
export async function accountServiceTargets(
  account: Account,
  secretOf: (credentialId: string) => Promise<string>,
  include: (service: ServiceKind) => boolean = () => true,
): Promise<{ targets: ServiceTarget[]; trust: TrustSettings }> {
  const credentials = new Map<string, Credential>();
  const use = async (id: string): Promise<Credential> => {
    const known = credentials.get(id);
    if (known) return known;
    const stored = account.credentials.find((credential) => credential.id === id);
    if (!stored) throw new Error(`account ${account.id} has no credential ${id}`);
    const credential = { username: stored.username, password: await secretOf(id) };
    credentials.set(id, credential);
    return credential;
  };
  const targets: ServiceTarget[] = [];
  const { imap, smtp } = account.services;
  if (imap && include('imap')) {
    targets.push({ service: 'imap', endpoint: imap.endpoint, credential: await use(imap.credential) });
  }
  if (smtp && include('smtp')) {
    targets.push({ service: 'smtp', endpoint: smtp.endpoint, credential: await use(smtp.credential) });
  }
  for (const service of ['caldav', 'carddav', 'webdav'] as const) {
    const dav = account.services[service];
    if (dav && include(service))
      targets.push({ service, url: dav.url, credential: await use(dav.credential) });
  }
  return { targets, trust: account.trust };
}

/**
 * A finished check as the account keeps it. A cancelled one says nothing about the password, nor does one
 * where no server could be reached (offline): both give null, and the account keeps what it knew.
 */
export function lastCheckFrom(results: readonly ServiceResult[], now: Date): LastCheck | null {
  if (results.some((result) => result.code === 'CANCELLED' || result.status === 'pending')) return null;
  if (results.length > 0 && results.every((result) => isUnreachable(result.code))) return null;
  const imap = results.find((result) => result.service === 'imap' && result.status === 'ok');
  const quota = imap?.service === 'imap' ? imap.found?.quota : undefined;
  return {
    at: now.toISOString(),
    results: results.map((result) => ({
      service: result.service,
      status: result.status === 'ok' ? 'ok' : 'failed',
      code: result.code,
    })),
    ...(quota ? { quota: { ...quota } } : {}),
  };
}

/**
 * A new check laid over the one the account kept: services it did not try keep their outcome (a password
 * change checks only the services of one credential), and a service it could not reach keeps an earlier
 * refusal — being offline must not make a revoked password look fine again. The mailbox quota is the fresh
 * one when that check logged in to IMAP, else the one kept.
 */
export function mergeLastCheck(previous: LastCheck | undefined, fresh: LastCheck): LastCheck {
  const earlier = new Map((previous?.results ?? []).map((result) => [result.service, result]));
  for (const result of fresh.results) {
    const before = earlier.get(result.service);
    if (!(before && isRefusal(before.code) && isUnreachable(result.code)))
      earlier.set(result.service, result);
  }
  const readImap = fresh.results.some((result) => result.service === 'imap' && result.status === 'ok');
  const quota = readImap ? fresh.quota : previous?.quota;
  return {
    at: fresh.at,
    results: SERVICES.flatMap((service) => earlier.get(service) ?? []),
    ...(quota ? { quota } : {}),
  };
}
