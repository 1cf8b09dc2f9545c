import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { logFor } from '../log/logger';
import { storagePoint } from './crash-points';

const log = logFor('storage');

/** A save's temp file older than this was left by a save that died before its rename: no save takes that long. */
const STALE_TEMP_MS = 60 * 60_000;

/**
 * Replaces `path` with `data` so that a reader, or a crash at any instant, sees the old file or the new one,
 * never a mix: write a temp file beside it, flush it to disk, rename over the target, flush the directory.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, mode = 0o600): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const temp = join(dir, `.${basename(path)}.${globalThis.crypto.randomUUID().slice(0, 12)}.tmp`);
  try {
    const handle = await open(temp, 'wx', mode);
    try {
      await handle.writeFile(data);
      storagePoint('temp-written');
      await handle.sync();
      storagePoint('temp-synced');
    } finally {
      await handle.close();
    }
    await rename(temp, path);
    storagePoint('renamed');
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncDirectory(dir);
  await removeStaleTemps(dir, basename(path));
}

/** Temp files of earlier saves of the same file that were killed before their rename (best effort). */
async function removeStaleTemps(dir: string, name: string): Promise<void> {
  const prefix = `.${name}.`;
  const entries = await readdir(dir).catch(() => []);
  for (const entry of entries) {
    if (!entry.startsWith(prefix) || !entry.endsWith('.tmp')) continue;
    const file = join(dir, entry);
    const info = await stat(file).catch(() => null);
    // Younger ones may belong to a save under way in another process: its rename must still find it.
    if (info && Date.now() - info.mtimeMs > STALE_TEMP_MS)
      await rm(file, { force: true }).catch((error: unknown) =>
        log.debug(`a stale temporary file ${file} could not be removed`, error),
      );
  }
}

async function syncDirectory(dir: string): Promise<void> {
  // Windows cannot open a directory for fsync; the rename is already durable enough there.
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
