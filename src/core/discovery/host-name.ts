/**
 * A host name as RFC 1035 §2.3.1 and RFC 1123 §2.1 allow it: letter-digit-hyphen labels of 1–63
 * characters, none starting or ending with a hyphen. ASCII only, checked before lower-casing: `toLowerCase`
 * folds a few non-ASCII letters (the Kelvin sign) into ASCII ones. Internationalised names arrive as
 * A-labels (`xn--…`, RFC 5890 §2.3.2.1), which this grammar already covers.
 */
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;

/**
 * A top label the WHATWG URL parser would read as an IPv4 number (`a.123`, `a.0x10`): RFC 1123 §2.1 keeps
 * the highest-level label alphabetic so that a name never looks like a dotted-decimal address.
 */
const NUMERIC = /^(?:\d+|0x[0-9a-f]*)$/i;

/** RFC 1035 §2.3.4: 255 octets on the wire are 253 characters in text, without the root's trailing dot. */
const MAX_NAME = 253;

/**
 * The host name in `value`, lower-cased and without its trailing dot, or undefined when `value` is not a
 * host name: anything else (a path, a port, a space, quotes, an IP literal, an empty label) in a DNS answer
 * would otherwise end up inside a URL or an endpoint. Never throws.
 */
export function asHostName(value: string): string | undefined {
  const name = value.endsWith('.') ? value.slice(0, -1) : value;
  if (name.length === 0 || name.length > MAX_NAME) return undefined;
  const labels = name.split('.');
  if (!labels.every((label) => LABEL.test(label))) return undefined;
  if (NUMERIC.test(labels[labels.length - 1] ?? '')) return undefined;
  const lower = name.toLowerCase();
  // The URL parser also checks A-labels (UTS #46 §4.1): a bogus `xn--` label is refused there, so here too.
  try {
    return new URL(`https://${lower}/`).hostname === lower ? lower : undefined;
  } catch {
    return undefined;
  }
}
