import type { CalDavFound } from '@shared/verify';
import type { Adapter, ServiceTarget } from '../verify/service-target';
import { parseCalendars } from './dav-collections';
import { discoverDav } from './discover-dav';

type CalDavTarget = Extract<ServiceTarget, { service: 'caldav' }>;

export const verifyCalDav: Adapter<CalDavTarget, CalDavFound> = async (target, context) => {
  const found = await discoverDav('caldav', target.url, target.credential, context);
  // Calendars on an address the password may not go to are reported, never handed to client setup.
  const { kept, leftOut } = parseCalendars(found.responses, found.homeUrl, {
    origin: found.origin,
    confirmedHosts: context.confirmedHosts,
  });
  return {
    principalUrl: found.principalUrl,
    homeUrl: found.homeUrl,
    calendars: kept,
    ...(leftOut.length > 0 ? { leftOut } : {}),
  };
};
