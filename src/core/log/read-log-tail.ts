import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LOG_FILE, PREVIOUS_LOG_FILE } from './rotating-log-file';

/** The last `count` lines of the data folder's log, reaching into ponte.1.log when ponte.log is short. */
export async function readLogTail(dataDir: string, count: number): Promise<string[]> {
  const texts = await Promise.all(
    // Either may be missing: nothing logged yet, or never rotated.
    [PREVIOUS_LOG_FILE, LOG_FILE].map((name) => readFile(join(dataDir, name), 'utf8').catch(() => '')),
  );
  const lines = texts.flatMap((text) => text.split('\n')).filter((line) => line !== '');
  return lines.slice(-count);
}
