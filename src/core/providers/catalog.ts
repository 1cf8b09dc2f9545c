import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PonteError } from '../errors/ponte-error';
import { type Provider, providerSchema } from './provider-schema';
import { asHostName } from '../discovery/host-name';

export interface Catalog {
  providers: readonly Provider[];
  byId(id: string): Provider | undefined;
  /** The provider hosting this e-mail domain, by the catalog's own domain list. */
  byDomain(domain: string): Provider | undefined;
  /** The provider whose MX patterns match one of these MX hosts (a custom domain hosted there). */
  byMxHosts(hosts: readonly string[]): Provider | undefined;
  /** Hosts of the providers' app-password pages: the external pages Ponte may open for them. */
  linkHosts: ReadonlySet<string>;
}

const SCHEMA_FILE = 'provider.schema.json';

/** Compares parsed host names: `MAIL.Example.com.` is `mail.example.com`; a non-name matches nothing. */
export function matchesHostPattern(host: string, pattern: string): boolean {
  const name = asHostName(host);
  if (name === undefined) return false;
  return pattern.startsWith('*.') ? name.endsWith(pattern.slice(1)) : name === pattern;
}

/** Reads and validates every provider file; one bad file stops the load with its name and the reason. */
export async function loadCatalog(dir: string): Promise<Catalog> {
  const files = (await readdir(dir)).filter((file) => file.endsWith('.json') && file !== SCHEMA_FILE).sort();
  const providers: Provider[] = [];
  for (const file of files) {
    let raw: unknown;
    try {
      raw = JSON.parse(await readFile(join(dir, file), 'utf8'));
    } catch (error) {
      throw new PonteError(
        'INTERNAL',
        `Provider file ${file} is not valid JSON: ${(error as Error).message}`,
      );
    }
    const parsed = providerSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new PonteError(
        'INTERNAL',
        `Provider file ${file}: /${issue?.path.join('/') ?? ''} ${issue?.message ?? ''}`,
      );
    }
    if (`${parsed.data.id}.json` !== file) {
      throw new PonteError('INTERNAL', `Provider file ${file} declares id "${parsed.data.id}"`);
    }
    providers.push(parsed.data);
  }
  return createCatalog(providers);
}

export function createCatalog(providers: readonly Provider[]): Catalog {
  const linkHosts = new Set(
    providers.flatMap((provider) =>
      provider.appPassword ? [new URL(provider.appPassword.createUrl).hostname] : [],
    ),
  );
  return {
    providers,
    linkHosts,
    byId: (id) => providers.find((provider) => provider.id === id),
    byDomain: (domain) => {
      const wanted = domain.toLowerCase();
      return providers.find((provider) =>
        provider.domains.some((pattern) => matchesHostPattern(wanted, pattern)),
      );
    },
    byMxHosts: (hosts) =>
      providers.find((provider) =>
        provider.mxPatterns.some((pattern) => hosts.some((host) => matchesHostPattern(host, pattern))),
      ),
  };
}
