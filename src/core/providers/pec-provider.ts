import type { Core } from '../core';

/** Whether a catalogued provider is an Italian certified-mail (PEC) provider; false for none or unknown. */
export async function isPecProvider(core: Core, providerId: string | null | undefined): Promise<boolean> {
  if (!providerId) return false;
  return (await core.catalog()).byId(providerId)?.pec === true;
}
