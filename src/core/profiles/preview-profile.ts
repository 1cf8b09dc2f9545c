import type { ProfileImport } from '@shared/profile';
import type { Core } from '../core';
import { validateProfile } from './validate-profile';

/** A profile file's text as the wizard pre-fills from it, or its problems with their JSON pointers. */
export async function previewProfile(core: Core, text: string): Promise<ProfileImport> {
  const catalog = await core.catalog();
  const check = validateProfile(text, (id) => catalog.byId(id) !== undefined);
  if (!check.ok) return { valid: false, problems: check.problems };
  const { organisation, accounts, locked } = check.profile;
  return {
    valid: true,
    profile: {
      organisation,
      locked: locked ?? [],
      accounts: accounts.map((template) => {
        const providerName = template.provider ? catalog.byId(template.provider)?.name : undefined;
        return {
          key: template.key,
          username: template.username,
          ...(template.displayName ? { displayName: template.displayName } : {}),
          ...(template.provider ? { provider: template.provider } : {}),
          ...(providerName ? { providerName } : {}),
          ...(template.servers ? { servers: template.servers } : {}),
          ...(template.services ? { services: template.services } : {}),
          ...(template.caPem ? { caPem: template.caPem } : {}),
          ...(template.pec ? { pec: true } : {}),
        };
      }),
    },
  };
}
