import type { AddressBookInfo, CalendarInfo, LeftOutCollection } from '@shared/verify';
import { MAX_URL_LENGTH } from '../targets/written-text';
import { serverUrlProblem } from './host-policy';

// tsdav hands back each <response> as xml-js "compact" objects with camel-cased names. Servers vary a lot
// (a single element or an array, text or CDATA, numbers parsed as numbers), and a hostile server can send
// anything: read every field defensively, never trust a shape.

/** One <response> of a Depth:1 PROPFIND, as tsdav parsed it. */
export interface RawDavResponse {
  href?: unknown;
  ok?: unknown;
  props?: unknown;
}

const asRecord = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};

const asList = (value: unknown): unknown[] =>
  value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return String(value);
  const record = asRecord(value);
  for (const key of ['_cdata', '_text']) {
    const inner = record[key];
    if (typeof inner === 'string' || typeof inner === 'number') return String(inner).trim();
  }
  return undefined;
}

function resourceTypes(props: Record<string, unknown>): string[] {
  return Object.keys(asRecord(props.resourcetype));
}

function components(props: Record<string, unknown>): string[] {
  return asList(asRecord(props.supportedCalendarComponentSet).comp)
    .map((comp) => text(asRecord(asRecord(comp)._attributes).name))
    .filter((name): name is string => name !== undefined && /^V[A-Z]+$/.test(name));
}

/**
 * RFC 3744 current-user-privilege-set: writable when it grants write, write-content, bind or all.
 * A server that does not report privileges is taken as writable; the first sync will say otherwise.
 */
function isReadOnly(props: Record<string, unknown>): boolean {
  if (!('currentUserPrivilegeSet' in props)) return false;
  const granted = asList(asRecord(props.currentUserPrivilegeSet).privilege).flatMap((privilege) =>
    Object.keys(asRecord(privilege)),
  );
  return !granted.some((name) => ['write', 'writeContent', 'bind', 'all'].includes(name));
}

function color(props: Record<string, unknown>): string | undefined {
  const value = text(props.calendarColor);
  return value !== undefined && /^#[0-9a-f]{6}([0-9a-f]{2})?$/i.test(value) ? value : undefined;
}

/** Whom the password may go to: the address the person gave, and hosts they (or the catalog) confirmed. */
export interface ServerPolicy {
  origin: URL;
  confirmedHosts: readonly string[];
}

/** What a home set listed: the collections to set up, and those refused with the reason. */
export interface Collections<T> {
  kept: T[];
  leftOut: LeftOutCollection[];
}

const MAX_SHOWN_URL = 300;
export const MAX_LEFT_OUT = 50;

/** Text a person may read in a terminal or a window: no control characters (an escape sequence), bounded. */
function shown(value: string): string {
  // A lone surrogate left by the cut is a control character too: it becomes U+FFFD like the others.
  const clean = (part: string): string => part.replace(/\p{C}/gu, '\uFFFD');
  return value.length <= MAX_SHOWN_URL ? clean(value) : `${clean(value.slice(0, MAX_SHOWN_URL - 1))}…`;
}

/**
 * A refused address as it may be shown: never the user-info (it may hold a password), nor a query or
 * fragment. Removed user-info leaves `…@` behind, so the address does not look like one that was fine.
 */
function shownUrl(url: URL): string {
  const copy = new URL(url.href);
  copy.username = '';
  copy.password = '';
  copy.search = '';
  copy.hash = '';
  const hadUserInfo = url.username !== '' || url.password !== '';
  return shown(hadUserInfo ? copy.href.replace('//', '//…@') : copy.href);
}

/** An href no URL parser reads: shown without anything before an `@` in what looks like its authority. */
function shownHref(href: string): string {
  return shown(href.replace(/^([^/\\?#]*:)?[/\\]{2}[^/\\?#]*@/, '$1//…@'));
}

/**
 * Resolves a collection's href against the home set and holds it to the host policy: a server may list a
 * collection anywhere (http, another host, another port), and its address ends up in Thunderbird or
 * Evolution, which send the password there.
 */
function judgedUrl(href: string, base: string, policy: ServerPolicy): { url: string } | LeftOutCollection {
  let url: URL;
  try {
    url = new URL(href, base);
  } catch {
    return { url: shownHref(href), reason: 'invalid' };
  }
  // Longer than any program keeps an address: left out here, so one absurd href cannot stop a whole set-up.
  if (url.href.length > MAX_URL_LENGTH) return { url: shownUrl(url), reason: 'invalid' };
  const problem = serverUrlProblem(url, policy.origin, policy.confirmedHosts);
  return problem === undefined ? { url: url.href } : { url: shownUrl(url), reason: problem };
}

/** Names a collection without a display name by its last path segment, as clients do. */
function fallbackName(url: string): string {
  const segment = new URL(url).pathname.split('/').filter(Boolean).at(-1) ?? url;
  try {
    return decodeURIComponent(segment);
  } catch {
    // A malformed %-escape (URL parsing keeps those as they are): show the segment raw.
    return segment;
  }
}

interface Listed {
  url: string;
  props: Record<string, unknown>;
  displayName: string;
}

function collectionsOfType(
  responses: readonly RawDavResponse[],
  base: string,
  type: string,
  policy: ServerPolicy,
): Collections<Listed> {
  const found: Collections<Listed> = { kept: [], leftOut: [] };
  for (const response of responses) {
    const props = asRecord(response.props);
    const href = text(response.href);
    if (response.ok !== true || href === undefined || !resourceTypes(props).includes(type)) continue;
    const judged = judgedUrl(href, base, policy);
    if ('reason' in judged) {
      // A hostile home set may list thousands: enough are kept to say what happened, not to fill the window.
      if (found.leftOut.length < MAX_LEFT_OUT) found.leftOut.push(judged);
    } else
      found.kept.push({
        url: judged.url,
        props,
        displayName: text(props.displayname) || fallbackName(judged.url),
      });
  }
  return found;
}

export function parseCalendars(
  responses: readonly RawDavResponse[],
  homeUrl: string,
  policy: ServerPolicy,
): Collections<CalendarInfo> {
  const { kept, leftOut } = collectionsOfType(responses, homeUrl, 'calendar', policy);
  const calendars = kept.map(({ url, props, displayName }) => {
    const found = color(props);
    return {
      url,
      displayName,
      ...(found ? { color: found } : {}),
      components: components(props),
      readOnly: isReadOnly(props),
    };
  });
  return { kept: calendars, leftOut };
}

export function parseAddressBooks(
  responses: readonly RawDavResponse[],
  homeUrl: string,
  policy: ServerPolicy,
): Collections<AddressBookInfo> {
  const { kept, leftOut } = collectionsOfType(responses, homeUrl, 'addressbook', policy);
  const addressBooks = kept.map(({ url, props, displayName }) => ({
    url,
    displayName,
    readOnly: isReadOnly(props),
  }));
  return { kept: addressBooks, leftOut };
}
