import type { Catalog } from '../providers/catalog';
import type { Provider } from '../providers/provider-schema';
import type { DnsClient } from './dns-client';
import { asHostName } from './host-name';

/**
 * The catalogued provider that hosts `domain`'s mail, recognised by its MX hosts. The catalog's patterns
 * are matched against parsed host names only: an exchange that is not one (`x/.pec.aruba.it`, `a b.…`,
 * RFC 7505's null MX) is dropped, and `MX1.Pec.Aruba.IT.` matches as `mx1.pec.aruba.it`.
 */
export async function mxProvider(
  dns: Pick<DnsClient, 'mx'>,
  catalog: Pick<Catalog, 'byMxHosts'>,
  domain: string,
): Promise<Provider | undefined> {
  const hosts = (await dns.mx(domain)).flatMap((exchange) => asHostName(exchange) ?? []);
  return hosts.length > 0 ? catalog.byMxHosts(hosts) : undefined;
}
