import type { LeftOutReason } from '@shared/verify';
import { VerifyFailure } from '../verify/verify-failure';

/**
 * Why an address a server handed over is not used; the person reads it for each collection left out:
 * `insecure` (not https), `otherServer` (a host or port nobody confirmed), `invalid` (user-info in it, or
 * no usable host name).
 */
export type ServerUrlProblem = LeftOutReason;

const HTTPS_PORT = 443;
/** One DNS label as the URL parser leaves it (lower case, punycode); `_` is tolerated, as resolvers do. */
const LABEL = /^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$/;
/** The URL parser writes every IPv4 form (`127.1`, `0x7f.0.0.1`) as four decimal numbers. */
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

/**
 * A parsed host name as compared: the parser already lower-cased and punycoded it, but keeps the root's
 * trailing dot, so `example.com.` is the same host as `example.com`. Undefined when it is no host name at
 * all: the parser lets through `!`, `*`, `~` and empty labels, which no DNS name has.
 */
function comparableName(hostname: string): string | undefined {
  if (hostname.startsWith('[')) return hostname; // an IPv6 literal, already canonical
  const name = hostname.endsWith('.') ? hostname.slice(0, -1) : hostname;
  if (name === '' || name.length > 253) return undefined;
  return name.split('.').every((label) => LABEL.test(label)) ? name : undefined;
}

/** The parser drops a default port: an https URL without one means 443. */
const effectivePort = (url: URL): number => (url.port === '' ? HTTPS_PORT : Number(url.port));

interface HostPattern {
  name: string;
  /** `*.name`: any host under name, never name itself. */
  wildcard: boolean;
  port: number;
}

/**
 * `host`, `*.domain`, either with `:port`, read by the same URL parser as the addresses it is matched
 * against (so an IDN or upper-case pattern compares like the host it names). Anything else matches nothing.
 */
function parsePattern(pattern: string): HostPattern | undefined {
  const wildcard = pattern.startsWith('*.');
  let url: URL;
  try {
    url = new URL(`https://${wildcard ? pattern.slice(2) : pattern}/`);
  } catch {
    return undefined;
  }
  // A path, query or user-info means the text was more than host[:port] (`evil.net/x.icloud.com`).
  if (
    url.pathname !== '/' ||
    url.search !== '' ||
    url.hash !== '' ||
    url.username !== '' ||
    url.password !== ''
  )
    return undefined;
  const name = comparableName(url.hostname);
  return name === undefined ? undefined : { name, wildcard, port: effectivePort(url) };
}

function matchesPattern(name: string, port: number, pattern: string): boolean {
  const wanted = parsePattern(pattern);
  if (wanted === undefined || port !== wanted.port) return false;
  if (!wanted.wildcard) return name === wanted.name;
  // A wildcard is about DNS names: `*.0.1` must not reach the IP address 127.0.0.1.
  return !IPV4.test(name) && !name.startsWith('[') && name.endsWith(`.${wanted.name}`);
}

/**
 * The one rule for every address a DAV or WebDAV session may send the person's password to, whether it is
 * a request, a redirect, or a collection a server listed (later written into Thunderbird or Evolution):
 * https, no user-info, a real host name, and either the same host and port as `origin` (the address the
 * person gave) or a host matching a confirmed pattern (`host`, `*.domain`, optionally `:port`; else 443).
 * Host names are compared as parsed, never as the text a server wrote. Undefined when the address is fine.
 */
export function serverUrlProblem(
  url: URL,
  origin: URL,
  confirmed: readonly string[],
): ServerUrlProblem | undefined {
  if (url.protocol !== 'https:') return 'insecure';
  if (url.username !== '' || url.password !== '') return 'invalid';
  const name = comparableName(url.hostname);
  if (name === undefined) return 'invalid';
  const port = effectivePort(url);
  if (name === comparableName(origin.hostname) && port === effectivePort(origin)) return undefined;
  return confirmed.some((pattern) => matchesPattern(name, port, pattern)) ? undefined : 'otherServer';
}

/** {@link serverUrlProblem} as a yes or no. */
export function isAllowedServerUrl(url: URL, origin: URL, confirmed: readonly string[]): boolean {
  return serverUrlProblem(url, origin, confirmed) === undefined;
}

/** Basic auth is a password in clear inside the request: only https may carry it. */
export function requireHttps(url: URL): boolean {
  return url.protocol === 'https:';
}

/** The URL of a DAV or WebDAV service, refused before any request unless it is https without user-info. */
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
  // Every request is held to serverUrlProblem, which refuses user-info: say so now, not as a refused request.
  if (url.username !== '' || url.password !== '') {
    throw new VerifyFailure('INSECURE_URL', 'An address with a user name or password in it is not used.');
  }
  return url;
}
