import { readFileSync } from 'node:fs';

export function logTail(file: string, lines = 30): string {
  try {
    const text = readFileSync(file, 'utf8').trimEnd();
    return text.split('\n').slice(-lines).join('\n');
  } catch {
    return `(no log at ${file})`;
  }
}

export function logTails(files: readonly string[], lines = 30): string {
  return files.map((file) => `--- ${file}\n${logTail(file, lines)}`).join('\n');
}
