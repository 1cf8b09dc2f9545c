import { VerifyFailure } from '../verify/verify-failure';

/**
 * Which hosts a DAV or WebDAV session may talk to: the one the user gave, plus hosts the user (or the
 * provider catalog) confirmed, where `*.example.com` covers sub-domains (iCloud serves each account's
 * collections from its own pNN-caldav.icloud.com).
 */
export function isConfirmedHost(host: string, origin: string, confirmed: readonly string[]): boolean {
  const name = host.toLowerCase();
  if (name === origin.toLowerCase()) return true;
  return confirmed.some((pattern) => {
    const wanted = pattern.toLowerCase();
    return wanted.startsWith('*.') ? name.endsWith(wanted.slice(1)) : name === wanted;
  });
}

/** Basic auth is a password in clear inside the request: only https may carry it. */
export function requireHttps(url: URL): boolean {
  return url.protocol === 'https:';
}

/** The URL of a DAV or WebDAV service, refused before any request unless it is https. */
export function parseHttpsUrl(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new VerifyFailure('INSECURE_URL', 'Not a valid https address.');
  }
  if (!requireHttps(url)) {
    throw new VerifyFailure(
      'INSECURE_URL',
      'Only https addresses are used: the password would travel in clear.',
    );
  }
  return url;
}
