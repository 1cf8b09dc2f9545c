/**
 * RFC 3986 §3.3 `pchar`: unreserved, pct-encoded, sub-delims, ':' and '@'. No space, quote, '?', '#',
 * backslash or control character can pass, so the path cannot end the URL's path or smuggle in a query.
 */
const PCHAR = "(?:[A-Za-z0-9\\-._~!$&'()*+,;=:@]|%[0-9A-Fa-f]{2})";

/**
 * RFC 3986 §3.3 `path-absolute`: '/' alone, or '/' and a first segment that is not empty (a leading '//'
 * reads as an authority, `//evil.example/`, wherever the path is resolved as a reference). '/' is no pchar,
 * so the pattern cannot backtrack.
 */
const ABSOLUTE_PATH = new RegExp(`^/(?:${PCHAR}+(?:/${PCHAR}*)*)?$`);

/** Longer than any real server's context path; keeps a hostile TXT answer from growing the URL. */
export const MAX_CONTEXT_PATH = 512;

/** The WHATWG URL parser reads `%2e` as '.' in a path segment, so `/%2e%2e/` climbs like `/../`. */
function isDotSegment(segment: string): boolean {
  const decoded = segment.replace(/%2e/gi, '.');
  return decoded === '.' || decoded === '..';
}

/** Whether `value` is a context path Ponte will put in a URL as it is. */
export function isContextPath(value: string): boolean {
  return (
    value.length <= MAX_CONTEXT_PATH &&
    ABSOLUTE_PATH.test(value) &&
    !value.split('/').some((segment) => isDotSegment(segment))
  );
}

/**
 * RFC 6764 §4: the context path from the `path=` key of the SRV name's TXT record, '/' without one. Each
 * character-string is one key/value pair (RFC 6763 §6.3), the key is case-insensitive and only its first
 * occurrence counts (§6.4). A path that is not a clean absolute path counts as no path at all: '/'.
 */
export function contextPath(records: readonly (readonly string[])[]): string {
  const pair = records.flat().find((text) => text.slice(0, 5).toLowerCase() === 'path=');
  const value = pair?.slice(5);
  return value !== undefined && isContextPath(value) ? value : '/';
}
