import type { Account } from '../accounts/account-schema';

/**
 * A link DAVx⁵ (and other Android CalDAV/CardDAV apps) open with the login screen filled in: the account's
 * calendar address (or, without one, its contacts address) as `caldavs://user@host/path`. Never a password:
 * the person types it (or an app password) on the phone. Null when the account has neither service.
 */
export function davx5Link(account: Account): string | null {
  const { caldav, carddav } = account.services;
  const service = caldav
    ? { scheme: 'caldavs', ...caldav }
    : carddav
      ? { scheme: 'carddavs', ...carddav }
      : null;
  if (!service) return null;
  const username = account.credentials.find((credential) => credential.id === service.credential)?.username;
  const url = new URL(service.url);
  const user = username ? `${encodeURIComponent(username)}@` : '';
  return `${service.scheme}://${user}${url.host}${url.pathname}${url.search}`;
}
