import { join } from 'node:path';
import { runJsonProgram } from './run-json-program';

// The parsers other programs read Ponte's files with (GLib's GKeyFile, expat), run by parse-back.py in
// Debian's own Python, so a test compares what they read with what Ponte meant to write.

export type ParseBackKind = 'keyfile' | 'plist' | 'xml';
export type ParsedBack = { error: string } | Record<string, unknown>;

export function parseBack(kind: ParseBackKind, documents: string[]): Promise<ParsedBack[]> {
  return runJsonProgram<ParsedBack[]>('/usr/bin/python3', [join(__dirname, 'parse-back.py')], {
    stdin: JSON.stringify({ kind, documents }),
  });
}

export const isRefusal = (parsed: ParsedBack): parsed is { error: string } =>
  typeof (parsed as { error?: unknown }).error === 'string';
