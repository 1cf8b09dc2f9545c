import type { z } from 'zod';
import { UsageError } from './parse-args';

/**
 * Standard input as JSON lines, each checked against `schema`; blank lines are skipped. A line that does not
 * parse is named by its number only (`badLine`): it may hold a password, which must never be echoed.
 */
export function parseJsonLines<S extends z.ZodType>(
  text: string,
  schema: S,
  badLine: (line: number) => string,
): z.output<S>[] {
  const entries: z.output<S>[] = [];
  for (const [index, raw] of text.split('\n').entries()) {
    if (raw.trim() === '') continue;
    let value: unknown = null;
    try {
      value = JSON.parse(raw);
    } catch {
      // Reported below, by number.
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) throw new UsageError(badLine(index + 1));
    entries.push(parsed.data);
  }
  return entries;
}
