import { asHostName } from './host-name';

/**
 * Whether `host` lies outside the address's own domain. Without DNSSEC, a DNS answer pointing elsewhere
 * could be forged, so such candidates wait for the person's confirmation. Both sides are parsed first
 * (case and the root's trailing dot do not count, RFC 4343 §3, RFC 1034 §3.1) and compared on label boundaries;
 * what does not parse as a host name is outside.
 */
export function isOutside(host: string, domain: string): boolean {
  const name = asHostName(host);
  const own = asHostName(domain);
  if (name === undefined || own === undefined) return true;
  return name !== own && !name.endsWith(`.${own}`);
}
