import type { AddressBookInfo, CalendarInfo } from '@shared/verify';

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

function collectionUrl(href: unknown, base: string): string | undefined {
  const value = text(href);
  if (value === undefined) return undefined;
  try {
    return new URL(value, base).href;
  } catch {
    return undefined;
  }
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

function collectionsOfType(responses: readonly RawDavResponse[], base: string, type: string) {
  return responses.flatMap((response) => {
    const props = asRecord(response.props);
    const url = collectionUrl(response.href, base);
    if (response.ok !== true || url === undefined || !resourceTypes(props).includes(type)) return [];
    return [{ url, props, displayName: text(props.displayname) || fallbackName(url) }];
  });
}

export function parseCalendars(responses: readonly RawDavResponse[], homeUrl: string): CalendarInfo[] {
  return collectionsOfType(responses, homeUrl, 'calendar').map(({ url, props, displayName }) => {
    const found = color(props);
    return {
      url,
      displayName,
      ...(found ? { color: found } : {}),
      components: components(props),
      readOnly: isReadOnly(props),
    };
  });
}

export function parseAddressBooks(responses: readonly RawDavResponse[], homeUrl: string): AddressBookInfo[] {
  return collectionsOfType(responses, homeUrl, 'addressbook').map(({ url, props, displayName }) => ({
    url,
    displayName,
    readOnly: isReadOnly(props),
  }));
}
