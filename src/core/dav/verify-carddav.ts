import type { CardDavFound } from '@shared/verify';
import type { Adapter, ServiceTarget } from '../verify/service-target';
import { parseAddressBooks } from './dav-collections';
import { discoverDav } from './discover-dav';

type CardDavTarget = Extract<ServiceTarget, { service: 'carddav' }>;

export const verifyCardDav: Adapter<CardDavTarget, CardDavFound> = async (target, context) => {
  const found = await discoverDav('carddav', target.url, target.credential, context);
  // Address books on an address the password may not go to are reported, never handed to client setup.
  const { kept, leftOut } = parseAddressBooks(found.responses, found.homeUrl, {
    origin: found.origin,
    confirmedHosts: context.confirmedHosts,
  });
  return {
    principalUrl: found.principalUrl,
    homeUrl: found.homeUrl,
    addressBooks: kept,
    ...(leftOut.length > 0 ? { leftOut } : {}),
  };
};
