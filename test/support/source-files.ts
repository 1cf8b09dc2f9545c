import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** Every TypeScript source under `dir` (absolute), for tests that check what the code says. */
export async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && /\.(ts|tsx)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}
