import type { ProviderSummary } from '@shared/models';
import type { Provider } from './provider-schema';

export function providerSummary(provider: Provider): ProviderSummary {
  return {
    id: provider.id,
    name: provider.name,
    domains: provider.domains,
    pec: provider.pec,
    unsupported: provider.unsupported !== undefined,
    appPassword: provider.appPassword?.required ?? 'none',
    countries: provider.countries,
    serversOnly: provider.serversOnly,
  };
}

/** How many providers serve each country, most first (`world` counts apart): the catalog's coverage. */
export function countByCountry(summaries: readonly ProviderSummary[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const summary of summaries)
    for (const country of summary.countries) counts.set(country, (counts.get(country) ?? 0) + 1);
  return [...counts].sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
}
