import { PonteError } from '../../errors/ponte-error';

// GLib's key-file format (what evolution-data-server reads its sources from): `[Group]` headers and
// `Key=value` lines. GLib takes a value to the end of its line, drops the blanks around `=`, and knows the
// escapes \s \n \t \r \\ and no other, so: a backslash and every line break are escaped, and blanks at either
// end are written as escapes so they are not dropped. Values must be UTF-8: NUL and unpaired surrogates have
// no encoding and are refused.

export type KeyFileGroups = Record<string, Record<string, string | number | boolean>>;

const unrepresentable = (why: string): PonteError =>
  new PonteError(
    'UNWRITABLE_VALUE',
    `A value cannot be written into an Evolution source: ${why}.`,
    'Nothing was changed.',
  );

export function escapeKeyFileValue(value: string): string {
  if (value.includes('\0')) throw unrepresentable('it holds a NUL character');
  if (/[\uD800-\uDFFF]/u.test(value)) throw unrepresentable('it holds a broken (unpaired) character');
  // GLib drops every leading ASCII blank, and has no escape for a vertical tab or a form feed.
  if (/^[\v\f]/u.test(value)) throw unrepresentable('it starts with a vertical tab or form feed');
  const escaped = value
    .replace(/\\/g, '\\\\')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t');
  // Leading and trailing blanks: GLib strips raw ones around the value, never an escaped one.
  return escaped
    .replace(/^ +/, (spaces) => '\\s'.repeat(spaces.length))
    .replace(/ +$/, (spaces) => '\\s'.repeat(spaces.length));
}

/** Group and key names are Ponte's own; checked so a mistake can never open a new group or key. */
const NAME = /^[A-Za-z0-9 _-]+$/;

export function formatKeyFile(groups: KeyFileGroups): string {
  return Object.entries(groups)
    .map(([group, entries]) => {
      if (!NAME.test(group)) throw unrepresentable(`the group name ${JSON.stringify(group)}`);
      const lines = Object.entries(entries).map(([key, value]) => {
        if (!NAME.test(key) || key.includes(' ')) throw unrepresentable(`the key ${JSON.stringify(key)}`);
        return `${key}=${typeof value === 'string' ? escapeKeyFileValue(value) : String(value)}\n`;
      });
      return `[${group}]\n${lines.join('')}`;
    })
    .join('\n');
}
