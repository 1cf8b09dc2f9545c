import { bestSettings, type CredentialPlan, credentialPlan } from '@shared/discovery-settings';
import type { ServiceKind, VerifyRequest } from '@shared/verify';
import type { Catalog } from '../providers/catalog';
import { discover } from '../discovery/discover';
import { PonteError } from '../errors/ponte-error';

export interface ProviderRequest {
  base: Partial<VerifyRequest>;
  plan: CredentialPlan | null;
}

/**
 * A catalogued provider's best settings for the address (from the catalog alone, no network), and how its
 * passwords spread over the services (their kinds and lifetimes: account-facts.ts). Shared by `ponte account add --provider` and `ponte apply`.
 */
export async function providerRequest(
  catalog: Catalog,
  email: string,
  providerId: string,
): Promise<ProviderRequest> {
  const provider = catalog.byId(providerId);
  if (!provider) throw new PonteError('INVALID_INPUT', `Unknown provider "${providerId}".`);
  if (provider.unsupported)
    throw new PonteError('INVALID_INPUT', `${provider.name} cannot be set up with a password.`);
  const found = await discover(email, { catalog, providerId });
  const best = bestSettings(found);
  const plan = credentialPlan(found);
  const base: Partial<VerifyRequest> = {
    username: best.username,
    ...(best.imap ? { imap: best.imap } : {}),
    ...(best.smtp ? { smtp: best.smtp } : {}),
    ...(best.urls.caldav ? { caldav: { url: best.urls.caldav } } : {}),
    ...(best.urls.carddav ? { carddav: { url: best.urls.carddav } } : {}),
    ...(best.urls.webdav ? { webdav: { url: best.urls.webdav } } : {}),
  };
  return { base, plan };
}

/** Only the credentials a service in the request uses (kDrive's not, while the drive needs its id). */
export function planForRequest(plan: CredentialPlan, request: Partial<VerifyRequest>): CredentialPlan {
  const use = Object.fromEntries(
    Object.entries(plan.use).filter(([service]) => request[service as ServiceKind] !== undefined),
  );
  return {
    ...plan,
    use,
    extras: plan.extras.filter((credential) => Object.values(use).includes(credential.id)),
  };
}
