import { isIP } from 'node:net';
import { XMLParser } from 'fast-xml-parser';
import type { MailEndpoint } from '@shared/verify';
import { asHostName } from './host-name';

export interface AutoconfigServer {
  service: 'imap' | 'smtp';
  endpoint: MailEndpoint;
  /** Mozilla's %EMAILADDRESS% / %EMAILLOCALPART% / %EMAILDOMAIN%, already filled in. */
  username?: string;
}

export type AutoconfigParse = { ok: true; servers: AutoconfigServer[] } | { ok: false; reason: string };

const asList = (value: unknown): unknown[] =>
  value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];

const text = (value: unknown): string | undefined =>
  typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : undefined;

/** Real autoconfig files are a few kilobytes; the fetch stops reading past this, and so does the parser. */
export const MAX_AUTOCONFIG_BYTES = 256 * 1024;

/**
 * A Mozilla autoconfig file (clientConfig v1.1) → the IMAP and SMTP servers it offers over TLS. Any DTD is
 * refused before parsing (no entity expansion, internal or external); plaintext servers are dropped,
 * never offered; POP3 is not used by Ponte.
 */
export function parseAutoconfig(xml: string, email: string): AutoconfigParse {
  // The fetch already cuts bodies short; a file handed in any other way gets the same bound here.
  if (xml.length > MAX_AUTOCONFIG_BYTES) return { ok: false, reason: 'autoconfig file too large; refused' };
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) return { ok: false, reason: 'autoconfig file has a DTD; refused' };
  let document: unknown;
  try {
    document = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '@',
      processEntities: false,
      parseTagValue: false,
    }).parse(xml, true);
  } catch (error) {
    return {
      ok: false,
      reason: `malformed autoconfig XML (${(error as Error).message.split('\n')[0] ?? ''})`,
    };
  }
  const root = (document as Record<string, unknown> | undefined)?.clientConfig as
    Record<string, unknown> | undefined;
  const provider = asList(root?.emailProvider)[0] as Record<string, unknown> | undefined;
  if (!provider) return { ok: false, reason: 'not a clientConfig document' };
  const [localPart = '', domain = ''] = email.split('@');
  const fill = (template: string | undefined): string | undefined =>
    template
      ?.replaceAll('%EMAILADDRESS%', email)
      .replaceAll('%EMAILLOCALPART%', localPart)
      .replaceAll('%EMAILDOMAIN%', domain);

  const servers: AutoconfigServer[] = [];
  const read = (entries: unknown[], service: 'imap' | 'smtp'): void => {
    for (const entry of entries) {
      const server = entry as Record<string, unknown>;
      if (service === 'imap' && text(server['@type']) !== 'imap') continue;
      // A host from a server's file is a host name (RFC 1035) or an IP address, as Thunderbird allows there —
      // never a path, a port or a quote.
      const given = text(server.hostname) ?? '';
      const host = asHostName(given) ?? (isIP(given) ? given : undefined);
      const port = Number(text(server.port));
      const socketType = text(server.socketType)?.toUpperCase();
      const security = socketType === 'SSL' ? 'tls' : socketType === 'STARTTLS' ? 'starttls' : undefined;
      if (!host || !Number.isInteger(port) || port < 1 || port > 65_535) continue;
      if (!security) continue;
      const username = fill(text(server.username));
      servers.push({
        service,
        endpoint: { host, port, security },
        ...(username ? { username } : {}),
      });
    }
  };
  read(asList(provider.incomingServer), 'imap');
  read(asList(provider.outgoingServer), 'smtp');
  return servers.length > 0
    ? { ok: true, servers }
    : { ok: false, reason: 'autoconfig offers no IMAP/SMTP over TLS' };
}
