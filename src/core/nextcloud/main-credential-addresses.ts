import { MAIN_CREDENTIAL, type VerifyRequest } from '@shared/verify';

/**
 * Every address a request would send its main password to, as URLs: DAV addresses as they are, mail servers
 * as `imap://` / `smtp://` (never on a Nextcloud server's https origin, so a device password is not sent to
 * mail). What the Nextcloud sign-in checks before it lends its device password to a request.
 */
export function mainCredentialAddresses(request: VerifyRequest): string[] {
  const usesMain = (service: keyof NonNullable<VerifyRequest['use']>): boolean =>
    (request.use?.[service] ?? MAIN_CREDENTIAL) === MAIN_CREDENTIAL;
  const addresses: string[] = [];
  for (const service of ['imap', 'smtp'] as const) {
    const endpoint = request[service];
    if (endpoint && usesMain(service)) addresses.push(`${service}://${endpoint.host}:${endpoint.port}`);
  }
  for (const service of ['caldav', 'carddav', 'webdav'] as const) {
    const dav = request[service];
    if (dav && usesMain(service)) addresses.push(dav.url);
  }
  return addresses;
}
