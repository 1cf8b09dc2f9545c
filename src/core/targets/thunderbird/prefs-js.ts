import type { ListEntry, PrefEntry, PrefValue } from '@shared/targets';
import { formatUserPrefLine, parseUserPrefLine } from '../formats/libpref';

// A Mozilla prefs.js is one `user_pref("name", value);` per line (plus comments). Ponte edits it line by line:
// lines it does not own stay byte for byte, so taking its preferences back gives the very same file.

interface PrefsText {
  lines: string[];
  /** The file's own line break (Mozilla writes \n; a file edited on Windows may have \r\n). */
  eol: string;
  endsWithBreak: boolean;
}

function split(text: string): PrefsText {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const endsWithBreak = text === '' || text.endsWith(eol);
  const body = endsWithBreak ? text.slice(0, text.length - (text === '' ? 0 : eol.length)) : text;
  return { lines: body === '' ? [] : body.split(eol), eol, endsWithBreak };
}

function join({ lines, eol, endsWithBreak }: PrefsText): string {
  return lines.length === 0 ? '' : lines.join(eol) + (endsWithBreak ? eol : '');
}

/**
 * A preference line's name and value, read with libpref's own string grammar (Thunderbird writes control
 * characters raw, which JSON would refuse); undefined for comments, blank lines and anything unreadable.
 */
export function parsePrefLine(line: string): PrefEntry | undefined {
  return parseUserPrefLine(line);
}

/** A line libpref reads back as exactly this name and value; refuses what prefs.js cannot carry. */
export function formatPrefLine(key: string, value: PrefValue): string {
  return formatUserPrefLine(key, value);
}

/** Every readable preference of a prefs.js, by name (a later line wins, as in Mozilla). */
export function readPrefs(text: string): Map<string, PrefValue> {
  const prefs = new Map<string, PrefValue>();
  for (const line of split(text).lines) {
    const pref = parsePrefLine(line);
    if (pref) prefs.set(pref.key, pref.value);
  }
  return prefs;
}

const listItems = (value: PrefValue | undefined): string[] =>
  typeof value === 'string' && value !== '' ? value.split(',').map((item) => item.trim()) : [];

/** Sets `prefs`, adds `ifAbsent` where missing and appends list items; returns the new text. */
export function setPrefs(
  text: string,
  change: { prefs: readonly PrefEntry[]; ifAbsent: readonly PrefEntry[]; lists: readonly ListEntry[] },
): string {
  const file = split(text);
  const put = (key: string, value: PrefValue): void => {
    const line = formatPrefLine(key, value);
    const index = file.lines.findIndex((existing) => parsePrefLine(existing)?.key === key);
    if (index === -1) file.lines.push(line);
    else file.lines[index] = line;
  };
  const current = (): Map<string, PrefValue> => readPrefs(join(file));
  for (const { key, value } of change.prefs) put(key, value);
  for (const { key, value } of change.ifAbsent) if (!current().has(key)) put(key, value);
  for (const { key, item } of change.lists) {
    const items = listItems(current().get(key));
    if (!items.includes(item)) put(key, [...items, item].join(','));
  }
  return join(file);
}

/**
 * Removes every preference under `branches`, the list items (a list left empty goes), and `ifEquals` entries
 * that still hold Ponte's value; returns the new text.
 */
export function removePrefs(
  text: string,
  change: { branches: readonly string[]; lists: readonly ListEntry[]; ifEquals: readonly PrefEntry[] },
): string {
  const file = split(text);
  const ours = (pref: PrefEntry | undefined): boolean =>
    pref !== undefined &&
    (change.branches.some((branch) => pref.key.startsWith(branch)) ||
      change.ifEquals.some((entry) => entry.key === pref.key && entry.value === pref.value));
  file.lines = file.lines.flatMap((line) => {
    const pref = parsePrefLine(line);
    if (ours(pref)) return [];
    const removed = change.lists.filter((entry) => entry.key === pref?.key).map((entry) => entry.item);
    if (!pref || removed.length === 0) return [line];
    const before = listItems(pref.value);
    const items = before.filter((item) => !removed.includes(item));
    if (items.length === before.length) return [line];
    return items.length === 0 ? [] : [formatPrefLine(pref.key, items.join(','))];
  });
  return join(file);
}
