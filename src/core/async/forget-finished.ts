/**
 * Drops the entries that finished more than `keepMs` ago: the UI no longer polls them, and whatever they
 * held (a granted sign-in's password) goes with them.
 */
export function forgetFinished<T extends { finishedAt?: number | undefined }>(
  entries: Map<string, T>,
  keepMs: number,
): void {
  const now = Date.now();
  for (const [id, entry] of entries) {
    if (entry.finishedAt !== undefined && now - entry.finishedAt > keepMs) entries.delete(id);
  }
}
