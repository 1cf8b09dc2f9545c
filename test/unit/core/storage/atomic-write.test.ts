import { readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '@core/storage/atomic-write';
import { useTempDir } from '../../../support/use-temp-dir';

const dir = useTempDir('ponte-atomic-');

describe('writeFileAtomic', () => {
  it('clears temp files that saves killed before their rename left, once they are an hour old', async () => {
    const target = join(dir(), 'accounts.json');
    // What a SIGKILL between writing and renaming leaves: one from yesterday, one from a save under way now.
    const stale = join(dir(), '.accounts.json.aaaaaaaaaaaa.tmp');
    const underWay = join(dir(), '.accounts.json.bbbbbbbbbbbb.tmp');
    const otherFile = join(dir(), '.settings.json.cccccccccccc.tmp');
    for (const file of [stale, underWay, otherFile]) await writeFile(file, '{"half":');
    const yesterday = new Date(Date.now() - 24 * 3600_000);
    await utimes(stale, yesterday, yesterday);
    await utimes(otherFile, yesterday, yesterday);

    await writeFileAtomic(target, '{"ok":true}');

    expect(await readFile(target, 'utf8')).toBe('{"ok":true}');
    expect((await readdir(dir())).sort()).toEqual(
      ['.accounts.json.bbbbbbbbbbbb.tmp', '.settings.json.cccccccccccc.tmp', 'accounts.json'].sort(),
    );
  });
});
