import type { MailEndpoint } from './verify';

/** `HOST:PORT`, `[v6]:PORT`, with `/tls` or `/starttls`: what profiles and the CLI accept for a mail server. */
export const ENDPOINT_SPEC = /^(?:\[([0-9a-fA-F:.]+)\]|([A-Za-z0-9.\-_]+)):(\d{1,5})(?:\/(tls|starttls))?$/;

/**
 * `HOST:PORT` (implicit TLS) or `HOST:PORT/starttls`; `[v6]:PORT` for IPv6. There is no plaintext mode to
 * ask for. Returns undefined for anything else.
 */
export function parseEndpointSpec(spec: string): MailEndpoint | undefined {
  const match = ENDPOINT_SPEC.exec(spec.trim());
  if (!match) return undefined;
  const port = Number(match[3]);
  if (port < 1 || port > 65_535) return undefined;
  const host = match[1] ?? match[2] ?? '';
  return { host, port, security: match[4] === 'starttls' ? 'starttls' : 'tls' };
}
