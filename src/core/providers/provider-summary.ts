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
  };
}
