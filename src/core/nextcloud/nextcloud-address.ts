import { isAllowedServerUrl } from '../dav/host-policy';

// What a Nextcloud server's address is and what lies on it: kept apart from the Login Flow client (its answer
// schemas, undici) so that the core every command builds can hold the login flows without loading either.

/** The server's address as a person types it ("cloud.example.com", with or without https://), or null. */
export function nextcloudOrigin(input: string): string | null {
  const text = input.trim().replace(/\/+$/, '');
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`;
  if (!URL.canParse(withScheme)) return null;
  const url = new URL(withScheme);
  if (url.protocol !== 'https:' || url.username || url.password || url.search || url.hash) return null;
  // A Nextcloud in a sub-folder (https://example.com/nextcloud) keeps its path.
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/**
 * Whether `address` is on the server the person named: https, the same parsed host name and port, no user
 * name in it, and inside the server's own path (a Nextcloud in /nextcloud owns nothing beside it). Every URL
 * the server hands back, and every address its device password is used on, must pass.
 */
export function isOnServer(server: string, address: string): boolean {
  if (!URL.canParse(address) || !URL.canParse(server)) return false;
  const base = new URL(server);
  const url = new URL(address);
  const folder = base.pathname.endsWith('/') ? base.pathname : `${base.pathname}/`;
  // Host, port, https and no user-info: the same rule as every DAV request (host-policy.ts); nothing confirmed
  // beyond the server itself.
  return (
    isAllowedServerUrl(url, base, []) && (url.pathname === base.pathname || url.pathname.startsWith(folder))
  );
}
