import { PonteError } from '../errors/ponte-error';
import { replaceNonXml } from './formats/xml-text';

// What Ponte writes into another program's settings comes from places it does not control: a server's
// answers (calendar names), DNS, an IT profile, the window. One rule for all of them, decided here. A name the
// person only reads is written as it is wherever the file's grammar can carry it — the writers in formats/
// escape it — and cleaned only of what no such file can hold (NUL, unpaired surrogates; in XML also most
// control characters) or cut when absurdly long; the plan then says so. A value the program acts on (an
// address, a user name, a host) is refused rather than changed, and nothing is written.

/** Control characters (C0, DEL, C1) and the Unicode line/paragraph separators. */
const HAS_CONTROL_OR_BROKEN = /[\p{Cc}\u2028\u2029\uD800-\uDFFF]/u;
const CONTROL = /[\p{Cc}\u2028\u2029]/gu;
/** With the `u` flag a well-formed pair is one code point, so this matches only unpaired surrogates. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/gu;

/** Long enough for any real calendar or account name; a server sending more is not naming anything. */
export const MAX_NAME_LENGTH = 200;
/** RFC 5321's longest address; user names and hosts are shorter still. */
export const MAX_VALUE_LENGTH = 320;
/** The longest URL browsers and servers commonly take; a collection's address past it is no address. */
export const MAX_URL_LENGTH = 2048;

/** Where the name goes: a file that escapes anything (prefs.js, key files), XML, or one line of text. */
export type NameCarrier = 'text' | 'xml' | 'line';

export interface ShownName {
  value: string;
  /** True when characters were replaced or the name was shortened: the plan tells the person. */
  cleaned: boolean;
}

/**
 * A name shown to the person (an account, calendar, address book or drive). NUL and unpaired surrogates
 * become U+FFFD, leading tabs and line breaks go; for an XML file the control characters XML cannot hold, and for a one-line entry every
 * control character and line break, become spaces; it is cut at
 * MAX_NAME_LENGTH characters. An empty name falls back to `fallback`.
 */
export function shownName(value: string, fallback: string, carrier: NameCarrier = 'text'): ShownName {
  // Blanks that are control characters at the start (a tab, a form feed) are dropped: GLib's key files
  // cannot even keep some of them, and no name means them.
  let result = value
    .replace(/\0/g, '\uFFFD')
    .replace(LONE_SURROGATE, '\uFFFD')
    .replace(/^[\t\n\v\f\r]+/u, '');
  if (carrier === 'xml') result = replaceNonXml(result, ' ');
  if (carrier === 'line') result = result.replace(CONTROL, ' ');
  const points = [...result];
  if (points.length > MAX_NAME_LENGTH) result = points.slice(0, MAX_NAME_LENGTH).join('');
  if (result.trim() === '') return { value: fallback, cleaned: value !== '' };
  return { value: result, cleaned: result !== value };
}

export type ExactField = 'email' | 'username' | 'host' | 'address';

const FIELD_WORDS: Record<ExactField, string> = {
  email: 'e-mail address',
  username: 'user name',
  host: 'server name',
  address: 'address',
};

/** A short, printable picture of a refused value for the message (never the raw control characters). */
export function valuePreview(value: string): string {
  const shown = JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  return shown.replace(LONE_SURROGATE, '\uFFFD');
}

export function unwritable(what: string, value: string, why: string): PonteError {
  return new PonteError(
    'UNWRITABLE_VALUE',
    `The ${what} ${valuePreview(value)} cannot be written into the program's settings: ${why}.`,
    'Nothing was changed. Correct it (or ask whoever runs the server), then try again.',
  );
}

/**
 * A value the program acts on — an address, a user name, a host: written exactly as it is, or refused
 * (empty, control characters, line breaks, broken characters, or longer than MAX_VALUE_LENGTH — MAX_URL_LENGTH
 * for an address).
 */
export function exactValue(value: string, field: ExactField): string {
  // Thunderbird drops an account whose server has no user name; no program can use an empty address.
  if (value.trim() === '') throw unwritable(FIELD_WORDS[field], value, 'it is empty');
  const limit = field === 'address' ? MAX_URL_LENGTH : MAX_VALUE_LENGTH;
  if (value.length > limit) {
    throw unwritable(FIELD_WORDS[field], value, `it is longer than ${limit} characters`);
  }
  if (HAS_CONTROL_OR_BROKEN.test(value)) {
    throw unwritable(
      FIELD_WORDS[field],
      value,
      'it holds control characters, line breaks or broken characters',
    );
  }
  return value;
}
