import { appendFileSync } from 'node:fs';
import { appendFile, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { makeDirectories } from '../storage/make-directories';

export const LOG_FILE = 'ponte.log';
export const PREVIOUS_LOG_FILE = 'ponte.1.log';
const DEFAULT_MAX_BYTES = 1024 * 1024;
/** Lines waiting while the disk is slow or failing: the newest are kept, memory stays bounded. */
const MAX_PENDING_LINES = 1000;

/**
 * ponte.log in a folder, appended in the background: `append` only queues the line, so a caller never waits
 * for the disk nor sees its errors. Past `maxBytes` the file becomes ponte.1.log (replacing the one before),
 * so the log never takes more than twice that. Files are created 0600 in a 0700 folder, like all our data.
 */
export class RotatingLogFile {
  readonly path: string;
  readonly previousPath: string;
  private pending: string[] = [];
  private writing: Promise<void> | undefined;
  private folderReady = false;

  constructor(
    readonly folder: string,
    private readonly maxBytes = DEFAULT_MAX_BYTES,
  ) {
    this.path = join(folder, LOG_FILE);
    this.previousPath = join(folder, PREVIOUS_LOG_FILE);
  }

  append(line: string): void {
    this.pending.push(`${line}\n`);
    if (this.pending.length > MAX_PENDING_LINES)
      this.pending.splice(0, this.pending.length - MAX_PENDING_LINES);
    this.startWriting();
  }

  /** Resolves once every line appended so far reached the file (or failed to). */
  async flush(): Promise<void> {
    while (this.writing) await this.writing;
  }

  /** At process exit no callback runs any more: what is still queued is written synchronously. */
  flushSync(): void {
    if (this.pending.length === 0) return;
    const chunk = this.pending.join('');
    this.pending = [];
    try {
      appendFileSync(this.path, chunk, { mode: 0o600 });
    } catch {
      // Nowhere left to report it: the process is exiting.
    }
  }

  private startWriting(): void {
    if (this.writing || this.pending.length === 0) return;
    this.writing = this.drain().then(() => {
      this.writing = undefined;
      // Lines appended between the last write and now.
      this.startWriting();
    });
  }

  private async drain(): Promise<void> {
    while (this.pending.length > 0) {
      const chunk = this.pending.join('');
      this.pending = [];
      try {
        await this.write(chunk);
      } catch {
        // The log cannot log its own failure (a full disk, a read-only folder): these lines are lost, the
        // program goes on, and the next line tries again.
      }
    }
  }

  private async write(chunk: string): Promise<void> {
    if (!this.folderReady) {
      await makeDirectories(this.folder);
      this.folderReady = true;
    }
    // Read each time rather than counted: the app and a `ponte` command may append to the same file.
    const size = await stat(this.path).then(
      (info) => info.size,
      () => 0,
    );
    if (size > 0 && size + Buffer.byteLength(chunk) > this.maxBytes)
      await rename(this.path, this.previousPath);
    await appendFile(this.path, chunk, { mode: 0o600 });
  }
}
