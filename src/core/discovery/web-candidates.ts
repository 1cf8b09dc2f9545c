import type { MailCandidate, UrlCandidate } from '@shared/discovery';
import type { TrustSettings } from '../verify/tls-trust';
import { MAX_AUTOCONFIG_BYTES, parseAutoconfig } from './autoconfig-xml';
import type { DnsClient } from './dns-client';
import { httpsGet } from './https-get';

export interface WebContext {
  dns: DnsClient;
  trust?: TrustSettings;
  signal: AbortSignal;
  notes: string[];
}

/**
 * Mozilla autoconfig from `url`. Served over verified https by the domain (or Mozilla's ISPDB), so what it
 * says is trusted like the domain's own web site; the content type is not trusted to mean anything.
 */
export async function autoconfigCandidates(
  url: string,
  email: string,
  source: 'autoconfig' | 'ispdb',
  context: WebContext,
): Promise<{ imap: MailCandidate[]; smtp: MailCandidate[] }> {
  const empty = { imap: [], smtp: [] };
  const response = await httpsGet(url, { ...context, maxBytes: MAX_AUTOCONFIG_BYTES });
  if (!response.ok) {
    context.notes.push(`${source} ${url}: ${response.reason}`);
    return empty;
  }
  if (response.status !== 200) return empty;
  const parsed = parseAutoconfig(response.body, email);
  if (!parsed.ok) {
    context.notes.push(`${source} ${url}: ${parsed.reason}`);
    return empty;
  }
  const candidates = parsed.servers.map((server) => ({
    service: server.service,
    candidate: {
      source,
      confidence: source === 'autoconfig' ? ('high' as const) : ('medium' as const),
      ...(server.username ? { username: server.username } : {}),
      needsConfirmation: false,
      needsInput: [],
      confirmed: true,
      endpoint: server.endpoint,
    },
  }));
  return {
    imap: candidates.filter((c) => c.service === 'imap').map((c) => c.candidate),
    smtp: candidates.filter((c) => c.service === 'smtp').map((c) => c.candidate),
  };
}

/**
 * RFC 6764 §5: the domain's own `/.well-known/caldav|carddav`. A redirect (to https) or a DAV answer means
 * a server is there; the engine then follows the same well-known path through its guarded fetch.
 */
export async function wellKnownCandidate(
  domain: string,
  kind: 'caldav' | 'carddav',
  context: WebContext,
): Promise<UrlCandidate[]> {
  const response = await httpsGet(`https://${domain}/.well-known/${kind}`, {
    ...context,
    maxBytes: 64 * 1024,
    redirect: 'manual',
    method: 'PROPFIND',
  });
  if (!response.ok) return [];
  const isDav = response.location !== undefined || response.status === 207 || response.status === 401;
  if (!isDav) return [];
  return [
    {
      source: 'well-known',
      confidence: 'medium',
      needsConfirmation: false,
      needsInput: [],
      confirmed: true,
      url: `https://${domain}/`,
    },
  ];
}
