/**
 * External pages Ponte may open in the default browser. Only https, only these exact hosts: a compromised
 * renderer must not be able to launch arbitrary URLs or schemes (file:, smb:, custom handlers).
 */
const STATIC_ALLOWED_HOSTS = new Set<string>([
  // Where Electron binaries are published, for the "Electron is missing" help.
  'github.com',
  'www.electronjs.org',
]);

export function isAllowedExternalUrl(raw: string, extraHosts: ReadonlySet<string> = new Set()): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '' || url.port !== '')
    return false;
  const host = url.hostname.toLowerCase();
  return STATIC_ALLOWED_HOSTS.has(host) || extraHosts.has(host);
}
