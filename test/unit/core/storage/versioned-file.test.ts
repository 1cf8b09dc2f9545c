import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PonteError } from '@core/errors/ponte-error';
import { readVersionedFile, writeVersionedFile, type VersionedFile } from '@core/storage/versioned-file';
import { useTempDir } from '../../../support/use-temp-dir';

const dir = useTempDir('ponte-vf-');
let file: VersionedFile<{ name: string }>;

beforeEach(async () => {
  file = {
    path: join(dir(), 'doc.json'),
    label: 'test',
    version: 2,
    schema: z.object({ name: z.string() }),
    defaults: () => ({ name: 'default' }),
    migrations: { 1: (data) => ({ name: (data as { title: string }).title }) },
  };
});

async function expectCode(promise: Promise<unknown>, code: string): Promise<PonteError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PonteError);
  expect((error as PonteError).code).toBe(code);
  return error as PonteError;
}

describe('versioned JSON files', () => {
  it('returns the defaults when the file does not exist yet', async () => {
    expect(await readVersionedFile(file)).toEqual({ name: 'default' });
  });

  it('writes the schema version and reads back what was written, leaving no temp file', async () => {
    await writeVersionedFile(file, { name: 'Anna' });
    expect(JSON.parse(await readFile(file.path, 'utf8'))).toEqual({
      schemaVersion: 2,
      data: { name: 'Anna' },
    });
    expect(await readVersionedFile(file)).toEqual({ name: 'Anna' });
    expect(await readdir(dir())).toEqual(['doc.json']);
  });

  it('upgrades an older format through its migrations', async () => {
    await writeFile(file.path, JSON.stringify({ schemaVersion: 1, data: { title: 'Old' } }));
    expect(await readVersionedFile(file)).toEqual({ name: 'Old' });
  });

  it('refuses a corrupt file, keeps a copy and leaves the original untouched', async () => {
    await writeFile(file.path, '{"schemaVersion": 2, "data": {"na');
    const error = await expectCode(readVersionedFile(file), 'STORAGE_CORRUPT');
    expect(await readFile(file.path, 'utf8')).toBe('{"schemaVersion": 2, "data": {"na');
    const backups = (await readdir(dir())).filter((name) => name.startsWith('doc.json.corrupt-'));
    expect(backups).toHaveLength(1);
    expect(error.message).toContain(backups[0]);
  });

  it('refuses content that does not match the schema', async () => {
    await writeFile(file.path, JSON.stringify({ schemaVersion: 2, data: { name: 42 } }));
    await expectCode(readVersionedFile(file), 'STORAGE_CORRUPT');
  });

  it('refuses a file from a newer Ponte without changing it', async () => {
    const text = JSON.stringify({ schemaVersion: 9, data: { name: 'x', extra: true } });
    await writeFile(file.path, text);
    await expectCode(readVersionedFile(file), 'STORAGE_FUTURE_VERSION');
    expect(await readFile(file.path, 'utf8')).toBe(text);
  });

  it('reports a folder it cannot write to and keeps the previous content', async () => {
    await writeVersionedFile(file, { name: 'kept' });
    // A regular file where the folder should be: a real write failure even for root.
    const blocked = { ...file, path: join(file.path, 'nested.json') };
    await expectCode(writeVersionedFile(blocked, { name: 'new' }), 'STORAGE_NOT_WRITABLE');
    expect(await readVersionedFile(file)).toEqual({ name: 'kept' });
  });

  it('refuses to write a value that breaks its own schema', async () => {
    await expect(writeVersionedFile(file, { name: 5 } as unknown as { name: string })).rejects.toThrow();
    expect(await readdir(dir())).toEqual([]);
  });
});
