import type { ServiceKind } from '@shared/verify';
import { fetchHomeUrl, fetchPrincipalUrl, getBasicAuthHeaders, propfind, serviceDiscovery } from 'tsdav';
import { unexpectedFailure } from '../verify/adapter-errors';
import type { AdapterContext, Credential } from '../verify/service-target';
import { VerifyFailure } from '../verify/verify-failure';
import type { RawDavResponse } from './dav-collections';
import { createGuardedFetch, type GuardedFetch } from './guarded-fetch';
import { parseHttpsUrl } from './host-policy';

export type DavKind = Extract<ServiceKind, 'caldav' | 'carddav'>;

export interface DavDiscovery {
  /** The address the person gave, parsed: what every collection's address is held to. */
  origin: URL;
  principalUrl: string;
  homeUrl: string;
  /** The Depth:1 PROPFIND of the home set: one request for every collection, whatever their number. */
  responses: RawDavResponse[];
}

// Everything a collection row needs, asked for once on the home set (tsdav's fetchCalendars would add a
// REPORT per calendar: 300 calendars, 300 more requests).
const collectionProps = {
  'd:displayname': {},
  'd:resourcetype': {},
  'd:current-user-privilege-set': {},
  'ca:calendar-color': {},
  'c:supported-calendar-component-set': {},
};

/**
 * RFC 6764 discovery on tsdav: the URL the user gave (or `/.well-known/caldav|carddav` when it is just a
 * server), then current-user-principal, then the home set, then the collections in it. Four or five
 * requests in all, every one through the guarded fetch.
 */
export async function discoverDav(
  kind: DavKind,
  serverUrl: string,
  credential: Credential,
  context: AdapterContext,
): Promise<DavDiscovery> {
  const origin = parseHttpsUrl(serverUrl);
  const guard = createGuardedFetch(kind, origin, context);
  // Close sockets the moment a cancel comes, not when tsdav's promise chain gets round to it.
  const onAbort = (): void => void guard.close();
  context.signal.addEventListener('abort', onAbort, { once: true });
  const headers = getBasicAuthHeaders({ username: credential.username, password: credential.password });
  const common = { headers, fetch: guard.fetch };
  const step = async <T>(run: () => Promise<T>, onBareError: VerifyFailure): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      throw explain(error, guard, onBareError, credential.password);
    }
  };
  try {
    const rootUrl = await step(
      () =>
        origin.pathname === '/'
          ? serviceDiscovery({ account: { serverUrl: origin.href, accountType: kind }, ...common })
          : Promise.resolve(origin.href),
      notDav(),
    );
    // tsdav's discovery swallows fetch errors and falls back to the server URL: ask the guard.
    const refusal = guard.refusal();
    if (refusal) throw refusal;
    const account = { serverUrl: origin.href, rootUrl, accountType: kind };
    const principalUrl = await step(() => fetchPrincipalUrl({ account, ...common }), notDav());
    const homeUrl = await step(
      () => fetchHomeUrl({ account: { ...account, principalUrl }, ...common }),
      new VerifyFailure(
        'SERVICE_NOT_FOUND',
        `The server has no ${kind === 'caldav' ? 'calendars' : 'address books'} for this user.`,
      ),
    );
    const responses = await step(
      () => propfind({ url: homeUrl, props: collectionProps, depth: '1', ...common }),
      notDav(),
    );
    return { origin, principalUrl, homeUrl, responses };
  } finally {
    context.signal.removeEventListener('abort', onAbort);
    await guard.close();
  }
}

const notDav = (): VerifyFailure =>
  new VerifyFailure('NOT_A_DAV_SERVER', 'The address does not answer like a CalDAV/CardDAV server.');

/**
 * tsdav throws bare strings ("cannot find principalUrl"); what the server actually answered, as the guard
 * saw it, says which failure that was.
 */
function explain(
  error: unknown,
  guard: GuardedFetch,
  fallback: VerifyFailure,
  secret: string,
): VerifyFailure {
  const refusal = guard.refusal();
  if (refusal) return refusal;
  if (error instanceof VerifyFailure) return error;
  if (guard.seen.some((response) => response.status === 401)) {
    return new VerifyFailure('AUTH_FAILED', 'The server refused the user name or password.');
  }
  const network = unexpectedFailure(error, secret);
  if (network.code !== 'PROTOCOL_ERROR') return network;
  const last = guard.seen.at(-1);
  if (last?.status === 404) {
    return new VerifyFailure('SERVICE_NOT_FOUND', 'Nothing was found at this address.', 'HTTP 404');
  }
  // A web server that is no DAV server answers PROPFIND with 405 or an HTML page, never a multistatus.
  if (last && last.status !== 207 && !last.isXml) {
    return new VerifyFailure('NOT_A_DAV_SERVER', notDav().message, `HTTP ${last.status}`);
  }
  return fallback;
}
