import type {
  CandidateBase,
  DiscoveryCandidates,
  DiscoveryResult,
  DiscoverySource,
  MailCandidate,
  UrlCandidate,
} from '@shared/discovery';
import type { CredentialKind } from '@shared/models';
import type { Catalog } from '../providers/catalog';
import type { Provider } from '../providers/provider-schema';
import { effectiveKind } from '../providers/two-step';
import type { TrustSettings } from '../verify/tls-trust';
import { addressFiller, catalogCandidates } from './catalog-candidates';
import { DnsClient } from './dns-client';
import { guessCandidates } from './guess-candidates';
import { mxProvider } from './mx-provider';
import { davSrvCandidates, mailSrvCandidates } from './srv-candidates';
import { autoconfigCandidates, wellKnownCandidate, type WebContext } from './web-candidates';

export interface DiscoverOptions {
  catalog: Catalog;
  /** The person picked this provider from the list: use its settings, ask no one. */
  providerId?: string;
  /** `host:port` of the DNS server to ask (tests: the rig's dnsmasq); the system's otherwise. */
  dnsServer?: string;
  /** Extra trust for the https fetches (tests: the rig's CA). */
  trust?: TrustSettings;
  /** Mozilla's ISPDB base URL; null skips it (offline tests). */
  ispdbUrl?: string | null;
  /** The whole run's bound. */
  timeoutMs?: number;
  signal?: AbortSignal;
}

export const DEFAULT_ISPDB_URL = 'https://autoconfig.thunderbird.net/v1.1/';

const EMAIL = /^[^\s@]{1,64}@([A-Za-z0-9-]{1,63}(\.[A-Za-z0-9-]{1,63})+)$/;

/** Lower ranks first: where a candidate comes from says how far to trust it. */
const sourceRank: Record<DiscoverySource, number> = {
  catalog: 0,
  autoconfig: 1,
  mx: 2,
  srv: 3,
  ispdb: 4,
  'well-known': 5,
  guess: 6,
};

function withoutTwoStep(kind: CredentialKind, provider: Provider): { kindWithoutTwoStep?: CredentialKind } {
  const instead = effectiveKind(kind, provider, false);
  return instead === kind ? {} : { kindWithoutTwoStep: instead };
}

/** A catalogued provider as a result names it, with the facts the next steps need. */
function recognised(
  provider: Provider,
  via: 'domain' | 'mx' | 'chosen',
  email: string,
): NonNullable<DiscoveryResult['provider']> {
  const fill = addressFiller(email);
  return {
    id: provider.id,
    name: provider.name,
    via,
    unsupported: provider.unsupported !== undefined,
    lifetimeDays: provider.appPassword?.lifetimeDays ?? null,
    createUrl: provider.appPassword?.createUrl ?? null,
    ...(provider.signIn ? { signIn: provider.signIn } : {}),
    credentials: provider.credentials.map((credential) => ({
      id: credential.id,
      kind: credential.kind,
      username: fill(credential.username),
      label: credential.label,
      ...(credential.usernameHint ? { usernameHint: credential.usernameHint } : {}),
      ...withoutTwoStep(credential.kind, provider),
    })),
    serversOnly: provider.serversOnly,
    notes: [provider.notes, via === 'mx' ? provider.mxNotes : undefined].filter((note) => note !== undefined),
    placeholders: provider.placeholders.map(({ id, label }) => ({ id, label })),
  };
}

export function emailDomain(email: string): string | undefined {
  return EMAIL.exec(email.trim())?.[1]?.toLowerCase();
}

/**
 * From an e-mail address to ranked settings for every service. A catalogued domain answers at once;
 * otherwise every path (MX → catalog, autoconfig, ISPDB, SRV, well-known, guesses) runs in parallel within
 * one time bound, and whatever has arrived by then is ranked and returned.
 */
export async function discover(email: string, options: DiscoverOptions): Promise<DiscoveryResult> {
  const started = performance.now();
  const address = email.trim();
  const domain = emailDomain(address);
  const result = (
    candidates: DiscoveryCandidates,
    notes: string[],
    provider?: DiscoveryResult['provider'],
  ): DiscoveryResult => ({
    email: address,
    domain: domain ?? '',
    ...(provider ? { provider } : {}),
    candidates,
    notes,
    durationMs: Math.round(performance.now() - started),
  });
  if (!domain) return result(emptyCandidates(), ['not an e-mail address']);

  if (options.providerId !== undefined) {
    const chosen = options.catalog.byId(options.providerId);
    if (!chosen) return result(emptyCandidates(), [`unknown provider "${options.providerId}"`]);
    return result(catalogCandidates(chosen, address, 'domain'), [], recognised(chosen, 'chosen', address));
  }
  const known = options.catalog.byDomain(domain);
  if (known) {
    return result(catalogCandidates(known, address, 'domain'), [], recognised(known, 'domain', address));
  }

  const controller = new AbortController();
  const timeoutMs = options.timeoutMs ?? 3_000;
  const dns = new DnsClient({
    ...(options.dnsServer ? { server: options.dnsServer } : {}),
    timeoutMs: timeoutMs - 200,
  });
  const stop = (): void => {
    controller.abort();
    dns.cancel();
  };
  const timer = setTimeout(stop, timeoutMs);
  options.signal?.addEventListener('abort', stop, { once: true });

  const notes: string[] = [];
  const found: DiscoveryCandidates[] = [];
  let provider: DiscoveryResult['provider'];
  const web: WebContext = {
    dns,
    signal: controller.signal,
    notes,
    ...(options.trust ? { trust: options.trust } : {}),
  };
  const add = (partial: Partial<DiscoveryCandidates>): void => {
    found.push({ ...emptyCandidates(), ...partial });
  };
  const paths: Promise<unknown>[] = [
    mxProvider(dns, options.catalog, domain).then((hosted) => {
      if (!hosted) return;
      provider = recognised(hosted, 'mx', address);
      add(catalogCandidates(hosted, address, 'mx'));
    }),
    autoconfigCandidates(
      `https://autoconfig.${domain}/mail/config-v1.1.xml?emailaddress=${encodeURIComponent(address)}`,
      address,
      'autoconfig',
      web,
    ).then(add),
    autoconfigCandidates(
      `https://${domain}/.well-known/autoconfig/mail/config-v1.1.xml`,
      address,
      'autoconfig',
      web,
    ).then(add),
    mailSrvCandidates(dns, domain).then(add),
    davSrvCandidates(dns, domain, 'caldav').then((caldav) => add({ caldav })),
    davSrvCandidates(dns, domain, 'carddav').then((carddav) => add({ carddav })),
    wellKnownCandidate(domain, 'caldav', web).then((caldav) => add({ caldav })),
    wellKnownCandidate(domain, 'carddav', web).then((carddav) => add({ carddav })),
    guessCandidates(domain, {
      dns,
      signal: controller.signal,
      probeMs: timeoutMs - 200,
      ...(options.trust ? { trust: options.trust } : {}),
    }).then(add),
  ];
  const ispdb = options.ispdbUrl === undefined ? DEFAULT_ISPDB_URL : options.ispdbUrl;
  if (ispdb) paths.push(autoconfigCandidates(`${ispdb}${domain}`, address, 'ispdb', web).then(add));

  const settled = Promise.allSettled(paths);
  const stopped = new Promise<void>((resolve) =>
    controller.signal.addEventListener('abort', () => resolve(), { once: true }),
  );
  await Promise.race([settled, stopped]);
  if (controller.signal.aborted && !options.signal?.aborted) notes.push(`stopped after ${timeoutMs} ms`);
  clearTimeout(timer);
  options.signal?.removeEventListener('abort', stop);
  stop();

  const candidates = rank(found);
  if (Object.values(candidates).every((list) => list.length === 0)) {
    notes.push('nothing found: enter the settings by hand');
  }
  return result(candidates, notes, provider);
}

function emptyCandidates(): DiscoveryCandidates {
  return { imap: [], smtp: [], caldav: [], carddav: [], webdav: [] };
}

/** Merges every path's findings: one entry per distinct setting, the most trustworthy source kept, best first. */
function rank(found: readonly DiscoveryCandidates[]): DiscoveryCandidates {
  const merge = <T extends CandidateBase>(
    lists: T[][],
    key: (c: T) => string,
    tlsFirst: (c: T) => number,
  ): T[] => {
    const best = new Map<string, T>();
    for (const candidate of lists.flat()) {
      const current = best.get(key(candidate));
      if (!current || sourceRank[candidate.source] < sourceRank[current.source])
        best.set(key(candidate), candidate);
    }
    return [...best.values()].sort(
      (a, b) => sourceRank[a.source] - sourceRank[b.source] || tlsFirst(a) - tlsFirst(b),
    );
  };
  const mailKey = (c: MailCandidate): string =>
    `${c.endpoint.host}:${c.endpoint.port}:${c.endpoint.security}`;
  const tls = (c: MailCandidate): number => (c.endpoint.security === 'tls' ? 0 : 1);
  const urlKey = (c: UrlCandidate): string => c.url;
  const none = (): number => 0;
  const mails = (service: 'imap' | 'smtp'): MailCandidate[] =>
    merge(
      found.map((f) => f[service]),
      mailKey,
      tls,
    );
  const urls = (service: 'caldav' | 'carddav' | 'webdav'): UrlCandidate[] =>
    merge(
      found.map((f) => f[service]),
      urlKey,
      none,
    );
  return {
    imap: mails('imap'),
    smtp: mails('smtp'),
    caldav: urls('caldav'),
    carddav: urls('carddav'),
    webdav: urls('webdav'),
  };
}
