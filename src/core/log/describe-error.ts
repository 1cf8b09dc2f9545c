/** How deep a chain of `cause`s is followed: the adapter's error, the library's, the socket's. */
const MAX_CAUSES = 3;

/**
 * One line about whatever was thrown: class, code and message, then its causes. Never throws, even for a
 * value whose getters or toString do.
 */
export function describeError(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth <= MAX_CAUSES && current !== undefined && current !== null; depth++) {
    parts.push(safely(() => describeOne(current)));
    current = safely(() => (current instanceof Error ? current.cause : undefined));
  }
  return parts.join(' ← caused by ');
}

function describeOne(value: unknown): string {
  if (!(value instanceof Error)) return typeof value === 'string' ? value : String(value);
  const code = (value as { code?: unknown }).code;
  const codeText = typeof code === 'string' || typeof code === 'number' ? ` ${String(code)}` : '';
  return `${value.name}${codeText}: ${value.message}`;
}

function safely<T>(read: () => T): T | string {
  try {
    return read();
  } catch {
    // A hostile or broken error object: say so rather than let the log call throw.
    return '(unreadable error)';
  }
}
