import { isIP } from 'node:net';
import type { LookupAddress, LookupOneOptions } from 'node:dns';
import { Resolver } from 'node:dns/promises';
import { logFor } from '../log/logger';

const log = logFor('discovery');

export interface SrvTarget {
  host: string;
  port: number;
  priority: number;
  weight: number;
}

/**
 * Every DNS question discovery asks, through one resolver: the system's, or the server in
 * PONTE_DNS_SERVER (`127.0.0.1:5353`), which is how tests put the rig's dnsmasq in front. Its `lookup` is
 * handed to sockets so that connections made during discovery resolve names the same way.
 *
 * Answers come back as the wire had them: plain DNS can be forged, so a name from MX or SRV goes through
 * `asHostName` (host-name.ts) and a TXT value through its own check before anything is built from it.
 */
export class DnsClient {
  private readonly resolver: Resolver;

  constructor(options: { server?: string; timeoutMs?: number } = {}) {
    this.resolver = new Resolver({ timeout: options.timeoutMs ?? 2_000, tries: 1 });
    if (options.server) this.resolver.setServers([options.server]);
  }

  cancel(): void {
    this.resolver.cancel();
  }

  /** MX hosts, best (lowest preference) first; empty when there are none or the name does not exist. */
  async mx(domain: string): Promise<string[]> {
    const records = await orEmpty(this.resolver.resolveMx(domain));
    return records.sort((a, b) => a.priority - b.priority).map((record) => record.exchange.toLowerCase());
  }

  /** RFC 2782 order: priority, then heavier weight first; a "." target means "not offered here". */
  async srv(name: string): Promise<SrvTarget[]> {
    const records = await orEmpty(this.resolver.resolveSrv(name));
    return records
      .filter((record) => record.name !== '' && record.name !== '.')
      .sort((a, b) => a.priority - b.priority || b.weight - a.weight)
      .map((record) => ({
        host: record.name.toLowerCase(),
        port: record.port,
        priority: record.priority,
        weight: record.weight,
      }));
  }

  /** Each TXT record's character-strings, kept apart: each is one key/value pair (RFC 6763 §6.3). */
  async txt(name: string): Promise<string[][]> {
    return orEmpty(this.resolver.resolveTxt(name));
  }

  async addresses(host: string): Promise<string[]> {
    if (isIP(host)) return [host];
    const [v4, v6] = await Promise.all([
      orEmpty(this.resolver.resolve4(host)),
      orEmpty(this.resolver.resolve6(host)),
    ]);
    return [...v4, ...v6];
  }

  /** A `lookup` for net/tls/undici connect options, answering from this resolver. */
  readonly lookup = (
    hostname: string,
    options: LookupOneOptions | { all: true },
    callback: (
      error: NodeJS.ErrnoException | null,
      address: string | LookupAddress[],
      family?: number,
    ) => void,
  ): void => {
    this.addresses(hostname).then(
      (found) => {
        if (found.length === 0) {
          const error: NodeJS.ErrnoException = new Error(`getaddrinfo ENOTFOUND ${hostname}`);
          error.code = 'ENOTFOUND';
          callback(error, '');
          return;
        }
        const entries = found.map((address) => ({ address, family: isIP(address) }));
        if ('all' in options && options.all) callback(null, entries);
        else callback(null, entries[0]?.address ?? '', entries[0]?.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, ''),
    );
  };
}

/** NXDOMAIN, no data or a refused query all mean "nothing here" to discovery. */
async function orEmpty<T>(query: Promise<T[]>): Promise<T[]> {
  try {
    return await query;
  } catch (error) {
    // Usually ENOTFOUND/ENODATA; a timeout or SERVFAIL here explains a discovery that found too little.
    log.debug('a DNS query found nothing', error);
    return [];
  }
}
