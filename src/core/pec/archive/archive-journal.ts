import { mkdir, open, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { logFor } from '../../log/logger';

// What an archive run has done, one JSON line per step, flushed before the next step begins: `verified` (the
// copy was read back and matches) comes before the message is deleted from the server, `deleted` after. A
// crash leaves at most a torn last line, which is ignored. No message content and no secret is written here.

const log = logFor('pec-archive');

export interface JournalEntry {
  state: 'verified' | 'deleted';
  folder: string;
  uidValidity: string;
  uid: number;
  messageId?: string;
  size: number;
  sha256: string;
  path: string;
  /** The archive it went to (a folder, a drive's address): the manifest there lists its own. */
  destination: string;
  at: string;
}

export const journalPath = (dataDir: string, accountId: string): string =>
  join(dataDir, 'archives', `${accountId}.jsonl`);

export async function readJournal(file: string): Promise<JournalEntry[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return text.split('\n').flatMap((line) => {
    try {
      const entry = JSON.parse(line) as JournalEntry;
      return typeof entry.sha256 === 'string' && typeof entry.uid === 'number' ? [entry] : [];
    } catch (error) {
      // The empty text after the final line break, or the torn line of a run that was stopped.
      if (line.trim() !== '') log.info(`a damaged line of the archive journal ${file} is ignored`, error);
      return [];
    }
  });
}

export async function appendJournal(file: string, entry: JournalEntry): Promise<void> {
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  const handle = await open(file, 'a+', 0o600);
  try {
    // A line torn by a crash is closed first, so this entry starts a line of its own.
    const { size } = await handle.stat();
    const last = Buffer.alloc(1);
    if (size > 0) await handle.read(last, 0, 1, size - 1);
    const lead = size > 0 && last[0] !== 0x0a ? '\n' : '';
    await handle.appendFile(`${lead}${JSON.stringify(entry)}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
}
