// GLib's key-file format (what evolution-data-server reads its sources from): `[Group]` headers and
// `Key=value` lines, values escaped the GLib way so a name with a line break or a leading space survives.

export type KeyFileGroups = Record<string, Record<string, string | number | boolean>>;

export function escapeKeyFileValue(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t')
    .replace(/^ /, '\\s');
}

export function formatKeyFile(groups: KeyFileGroups): string {
  return Object.entries(groups)
    .map(
      ([group, entries]) =>
        `[${group}]\n${Object.entries(entries)
          .map(
            ([key, value]) =>
              `${key}=${typeof value === 'string' ? escapeKeyFileValue(value) : String(value)}\n`,
          )
          .join('')}`,
    )
    .join('\n');
}
