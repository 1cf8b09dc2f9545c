import { chmod, copyFile } from 'node:fs/promises';

/**
 * A copy only its owner can read, whatever the original's permissions: backups in Ponte's folder are as
 * private as the rest of it (0600), even of a world-readable file such as a mail program's settings.
 */
export async function copyPrivate(source: string, destination: string): Promise<void> {
  await copyFile(source, destination);
  await chmod(destination, 0o600);
}
