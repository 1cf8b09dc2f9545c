import type { MailCandidate, UrlCandidate } from '@shared/discovery';
import type { TlsMode } from '@shared/verify';
import { contextPath } from './context-path';
import type { DnsClient, SrvTarget } from './dns-client';
import { asHostName } from './host-name';
import { isOutside } from './third-party';

const mailServices: { name: string; service: 'imap' | 'smtp'; security: TlsMode }[] = [
  // RFC 8314: implicit TLS first.
  { name: '_imaps._tcp', service: 'imap', security: 'tls' },
  { name: '_imap._tcp', service: 'imap', security: 'starttls' },
  { name: '_submissions._tcp', service: 'smtp', security: 'tls' },
  { name: '_submission._tcp', service: 'smtp', security: 'starttls' },
];

/**
 * An SRV answer's target as a server to connect to, or undefined: the target must be a host name (RFC 2782
 * asks for a domain name, never an address) and the port a real one, 1–65535 (port 0 cannot be connected to).
 */
function usableTarget(target: SrvTarget): { host: string; port: number } | undefined {
  const host = asHostName(target.host);
  const port = target.port;
  if (host === undefined || !Number.isInteger(port) || port < 1 || port > 65_535) return undefined;
  return { host, port };
}

/** RFC 6186 mail SRV records, in the order RFC 2782 asks for; unusable answers are dropped. */
export async function mailSrvCandidates(
  dns: Pick<DnsClient, 'srv'>,
  domain: string,
): Promise<{ imap: MailCandidate[]; smtp: MailCandidate[] }> {
  const found = await Promise.all(
    mailServices.map(async ({ name, service, security }) =>
      (await dns.srv(`${name}.${domain}`)).flatMap((answer) => {
        const target = usableTarget(answer);
        if (!target) return [];
        const candidate: MailCandidate = {
          source: 'srv',
          confidence: 'medium',
          needsConfirmation: isOutside(target.host, domain),
          needsInput: [],
          confirmed: true,
          endpoint: { ...target, security },
        };
        return [{ service, candidate }];
      }),
    ),
  );
  const flat = found.flat();
  return {
    imap: flat.filter((f) => f.service === 'imap').map((f) => f.candidate),
    smtp: flat.filter((f) => f.service === 'smtp').map((f) => f.candidate),
  };
}

/**
 * The https URL for a checked host, port and context path, through the URL parser rather than by pasting
 * strings; undefined unless the parser kept host and path exactly as given.
 */
function davUrl(host: string, port: number, path: string): string | undefined {
  try {
    const url = new URL(`https://${host}/`);
    url.port = String(port);
    url.pathname = path;
    return url.hostname === host && url.pathname === path ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** RFC 6764: `_caldavs._tcp` / `_carddavs._tcp` SRV, with the context path from TXT `path=` (§4). */
export async function davSrvCandidates(
  dns: Pick<DnsClient, 'srv' | 'txt'>,
  domain: string,
  kind: 'caldav' | 'carddav',
): Promise<UrlCandidate[]> {
  const name = `_${kind}s._tcp.${domain}`;
  const [answers, texts] = await Promise.all([dns.srv(name), dns.txt(name)]);
  const path = contextPath(texts);
  return answers.flatMap((answer) => {
    const target = usableTarget(answer);
    const url = target && davUrl(target.host, target.port, path);
    if (!target || url === undefined) return [];
    const candidate: UrlCandidate = {
      source: 'srv',
      confidence: 'medium',
      needsConfirmation: isOutside(target.host, domain),
      needsInput: [],
      confirmed: true,
      url,
    };
    return [candidate];
  });
}
