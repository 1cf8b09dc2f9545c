import type { DiscoveryResult, ProviderCredential } from './discovery';
import type { CredentialKind } from './models';
import { type MailEndpoint, SERVICE_KINDS, type ServiceKind } from './verify';

type UrlService = 'caldav' | 'carddav' | 'webdav';

/** The best settings discovery found, ready to check, and the URL templates still waiting for input. */
export interface BestSettings {
  username: string;
  imap?: MailEndpoint;
  smtp?: MailEndpoint;
  urls: Partial<Record<UrlService, string>>;
  /** URLs with a placeholder the person must fill first (kDrive id): shown, not checked. */
  pending: Partial<Record<UrlService, string>>;
}

const hasPlaceholder = (text: string): boolean => /\{\w+\}/.test(text);

/**
 * One reading of a discovery result, shared by the app's form and `ponte account add --provider`: the
 * first (best-ranked) candidate per service, and the first user name that needs nothing filled in.
 */
export function bestSettings(result: DiscoveryResult): BestSettings {
  const { imap, smtp, caldav, carddav, webdav } = result.candidates;
  const username =
    [imap[0], smtp[0], caldav[0], carddav[0], webdav[0]]
      .map((candidate) => candidate?.username)
      .find((name): name is string => name !== undefined && !hasPlaceholder(name)) ?? result.email;
  const settings: BestSettings = { username, urls: {}, pending: {} };
  if (imap[0]) settings.imap = imap[0].endpoint;
  if (smtp[0]) settings.smtp = smtp[0].endpoint;
  for (const [service, best] of [
    ['caldav', caldav[0]],
    ['carddav', carddav[0]],
    ['webdav', webdav[0]],
  ] as const) {
    if (!best) continue;
    // A user name still to fill ({infomaniakLogin}) is asked for beside the password; only a URL with a
    // placeholder (kDrive id) keeps its service from being checked.
    if (!hasPlaceholder(best.url)) settings.urls[service] = best.url;
    else settings.pending[service] = best.url;
  }
  return settings;
}

/** How a provider's passwords spread over the services found: one main credential, the others beside it. */
export interface CredentialPlan {
  main: ProviderCredential;
  /** Only those a found service uses (kDrive's only when the drive was found). */
  extras: ProviderCredential[];
  /** Services that log in with an extra credential, by its catalog id. */
  use: Partial<Record<ServiceKind, string>>;
}

/**
 * For a catalogued provider, which password each found service takes: the one the mailbox (or else the first
 * service) uses is the main one. Null without a catalogued provider: one password for everything.
 * Shared by the app's sign-in step and `ponte account add --provider`.
 */
export function credentialPlan(result: DiscoveryResult): CredentialPlan | null {
  const catalog = result.provider?.credentials ?? [];
  const usedBy = new Map<ServiceKind, string>();
  for (const service of SERVICE_KINDS) {
    const id = result.candidates[service][0]?.credential;
    if (id) usedBy.set(service, id);
  }
  const mainId = mainCredentialId(Object.fromEntries(usedBy));
  const main = catalog.find((credential) => credential.id === mainId);
  if (!main) return null;
  const used = [...usedBy.values()];
  return {
    main,
    extras: catalog.filter((credential) => credential.id !== main.id && used.includes(credential.id)),
    use: Object.fromEntries([...usedBy].filter(([, id]) => id !== main.id)),
  };
}

/**
 * Which of a provider's credentials is the main password, given the credential each service logs in with: the
 * mailbox's (IMAP), else the first service's. Core's account facts and the wizard's form agree on it through here.
 */
export function mainCredentialId(usedBy: Partial<Record<ServiceKind, string>>): string | undefined {
  return usedBy.imap ?? SERVICE_KINDS.map((service) => usedBy[service]).find((id) => id !== undefined);
}

/** A catalog user name ready to use, or '' when it still holds a placeholder for the person to fill. */
export function filledUsername(credential: ProviderCredential): string {
  return hasPlaceholder(credential.username) ? '' : credential.username;
}

/** The catalog's lifetime is that of its app passwords; a mailbox or account password does not expire by it. */
export function credentialLifetime(
  kind: CredentialKind,
  appPasswordLifetimeDays: number | null,
): number | null {
  return kind === 'app-password' ? appPasswordLifetimeDays : null;
}
