import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// No test runner here: Playwright specs, the rig and the support servers use these too. Vitest files use
// useTempDir (use-temp-dir.ts), which calls them from hooks.

/** A new empty folder in the system's temp folder, named `<prefix>` plus six random characters. */
export function makeTempDir(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

/** Removes a folder and everything in it; one already gone is not an error. */
export function removeTempDir(dir: string): Promise<void> {
  return rm(dir, { recursive: true, force: true });
}
