import { spawn } from 'node:child_process';
import { join } from 'node:path';

// The parsers other programs read Ponte's files with (GLib's GKeyFile, expat), run by parse-back.py in
// Debian's own Python, so a test compares what they read with what Ponte meant to write.

export type ParseBackKind = 'keyfile' | 'plist' | 'xml';
export type ParsedBack = { error: string } | Record<string, unknown>;

export function parseBack(kind: ParseBackKind, documents: string[]): Promise<ParsedBack[]> {
  return new Promise((resolve, reject) => {
    const child = spawn('/usr/bin/python3', [join(__dirname, 'parse-back.py')]);
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`parse-back.py exit ${code}: ${err}`));
      resolve(JSON.parse(out) as ParsedBack[]);
    });
    child.stdin.end(JSON.stringify({ kind, documents }));
  });
}

export const isRefusal = (parsed: ParsedBack): parsed is { error: string } =>
  typeof (parsed as { error?: unknown }).error === 'string';
