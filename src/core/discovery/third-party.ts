/**
 * Whether `host` lies outside the address's own domain. Without DNSSEC, a DNS answer pointing elsewhere
 * could be forged, so such candidates wait for the person's confirmation.
 */
export function isOutside(host: string, domain: string): boolean {
  const name = host.toLowerCase().replace(/\.$/, '');
  const own = domain.toLowerCase();
  return name !== own && !name.endsWith(`.${own}`);
}
