/**
 * scheme://host[:port] of a URL. WHATWG `URL.origin` is "null" for custom schemes such as app://, so it
 * cannot be used to recognise our own pages in the main process.
 */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return null;
  }
}
