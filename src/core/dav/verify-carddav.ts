import type { CardDavFound } from '@shared/verify';
import type { Adapter, ServiceTarget } from '../verify/service-target';
import { parseAddressBooks } from './dav-collections';
import { discoverDav } from './discover-dav';

type CardDavTarget = Extract<ServiceTarget, { service: 'carddav' }>;

export const verifyCardDav: Adapter<CardDavTarget, CardDavFound> = async (target, context) => {
  const found = await discoverDav('carddav', target.url, target.credential, context);
  return {
    principalUrl: found.principalUrl,
    homeUrl: found.homeUrl,
    addressBooks: parseAddressBooks(found.responses, found.homeUrl),
  };
};
