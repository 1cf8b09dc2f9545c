import type { MailCandidate, UrlCandidate } from '@shared/discovery';
import type { TlsMode } from '@shared/verify';
import type { DnsClient } from './dns-client';
import { isOutside } from './third-party';

const mailServices: { name: string; service: 'imap' | 'smtp'; security: TlsMode }[] = [
  // RFC 8314: implicit TLS first.
  { name: '_imaps._tcp', service: 'imap', security: 'tls' },
  { name: '_imap._tcp', service: 'imap', security: 'starttls' },
  { name: '_submissions._tcp', service: 'smtp', security: 'tls' },
  { name: '_submission._tcp', service: 'smtp', security: 'starttls' },
];

/** RFC 6186 mail SRV records, in the order RFC 2782 asks for. */
export async function mailSrvCandidates(
  dns: DnsClient,
  domain: string,
): Promise<{ imap: MailCandidate[]; smtp: MailCandidate[] }> {
  const found = await Promise.all(
    mailServices.map(async ({ name, service, security }) =>
      (await dns.srv(`${name}.${domain}`)).map((target) => ({
        service,
        candidate: {
          source: 'srv' as const,
          confidence: 'medium' as const,
          needsConfirmation: isOutside(target.host, domain),
          needsInput: [],
          confirmed: true,
          endpoint: { host: target.host, port: target.port, security },
        },
      })),
    ),
  );
  const flat = found.flat();
  return {
    imap: flat.filter((f) => f.service === 'imap').map((f) => f.candidate),
    smtp: flat.filter((f) => f.service === 'smtp').map((f) => f.candidate),
  };
}

/** RFC 6764: `_caldavs._tcp` / `_carddavs._tcp` SRV, with the context path from TXT `path=`. */
export async function davSrvCandidates(
  dns: DnsClient,
  domain: string,
  kind: 'caldav' | 'carddav',
): Promise<UrlCandidate[]> {
  const name = `_${kind}s._tcp.${domain}`;
  const [targets, texts] = await Promise.all([dns.srv(name), dns.txt(name)]);
  const path = texts.map((t) => /^path=(\/\S*)$/.exec(t)?.[1]).find((p) => p !== undefined) ?? '/';
  return targets.map((target) => ({
    source: 'srv' as const,
    confidence: 'medium' as const,
    needsConfirmation: isOutside(target.host, domain),
    needsInput: [],
    confirmed: true,
    url: `https://${target.host}${target.port === 443 ? '' : `:${target.port}`}${path}`,
  }));
}
