import { appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { appendJournal, type JournalEntry, readJournal } from '@core/pec/archive/archive-journal';
import { useTempDir } from '../../../support/use-temp-dir';

const dir = useTempDir('ponte-journal-');

const entry = (uid: number): JournalEntry => ({
  state: 'verified',
  folder: 'INBOX',
  uidValidity: '1',
  uid,
  size: 10,
  sha256: 'ab'.repeat(32),
  path: `2026/01/${uid}.eml`,
  destination: '/srv/archivio',
  at: '2026-11-23T10:00:00.000Z',
});

it('a line torn by a crash is skipped, and the next entry still starts a line of its own', async () => {
  const file = join(dir(), 'archives/a.jsonl');
  await appendJournal(file, entry(1));
  await appendFile(file, '{"state":"verified","folder":"IN'); // the power went off here
  await appendJournal(file, entry(2));
  expect((await readJournal(file)).map((e) => e.uid)).toEqual([1, 2]);
  expect(await readJournal(join(dir(), 'none.jsonl'))).toEqual([]);
});
