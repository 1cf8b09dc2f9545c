import { stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeDirectories } from '@core/storage/make-directories';
import { useTempDir } from '../../../support/use-temp-dir';

const dir = useTempDir('ponte-mkdir-');

describe('makeDirectories', () => {
  it('makes every missing level, and is fine when they exist', async () => {
    await makeDirectories(join(dir(), 'a/b/c'));
    await makeDirectories(join(dir(), 'a/b/c'));
    expect((await stat(join(dir(), 'a/b/c'))).isDirectory()).toBe(true);
  });

  it('fails at once where no folder can be made (Node’s recursive mkdir never returns there)', async () => {
    await expect(makeDirectories('/proc/ponte-test/x')).rejects.toThrow();
    await writeFile(join(dir(), 'file'), '');
    await expect(makeDirectories(join(dir(), 'file/sub'))).rejects.toThrow();
  });
});
