import type { CandidateBase, DiscoveryCandidates } from '@shared/discovery';
import type { Provider } from '../providers/provider-schema';

/** Fills {email}, {localPart} and {domain} in a catalog template; other placeholders stay. */
export function addressFiller(email: string): (template: string) => string {
  const [localPart = '', domain = ''] = email.split('@');
  return (template) =>
    template.replaceAll('{email}', email).replaceAll('{localPart}', localPart).replaceAll('{domain}', domain);
}

/**
 * A catalogued provider's settings for one address: {email}, {localPart} and {domain} filled in, other
 * placeholders (kDrive id, short login) left for the person and listed in `needsInput`.
 */
export function catalogCandidates(
  provider: Provider,
  email: string,
  via: 'domain' | 'mx',
): DiscoveryCandidates {
  const fill = addressFiller(email);
  const pending = (template: string): string[] => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '');
  const base = (credentialId: string, template: string, confirmed: boolean): CandidateBase => {
    const username = provider.credentials.find((c) => c.id === credentialId)?.username ?? '{email}';
    return {
      source: via === 'domain' ? 'catalog' : 'mx',
      confidence: via === 'domain' ? 'high' : 'medium',
      username: fill(username),
      // A provider recognised from an MX record (plain DNS) is the person's to confirm.
      needsConfirmation: via === 'mx',
      needsInput: [...new Set([...pending(fill(template)), ...pending(fill(username))])],
      confirmed,
      credential: credentialId,
    };
  };
  const { imap, smtp, caldav, carddav, webdav } = provider.services;
  const mail = (service: typeof imap) =>
    service
      ? [
          {
            ...base(service.credential, service.host, service.confirmed),
            endpoint: { host: fill(service.host), port: service.port, security: service.security },
          },
        ]
      : [];
  const dav = (service: typeof caldav) =>
    service ? [{ ...base(service.credential, service.url, service.confirmed), url: fill(service.url) }] : [];
  return {
    imap: mail(imap),
    smtp: mail(smtp),
    caldav: dav(caldav),
    carddav: dav(carddav),
    webdav: dav(webdav),
  };
}
