import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readStaticFile } from '@core/static/static-files';
import { useTempDir } from '../../../support/use-temp-dir';

let root: string;
const outside = useTempDir('ponte-static-', 'all');

beforeAll(async () => {
  root = join(outside(), 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html>');
  await writeFile(join(root, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(outside(), 'secret.json'), '{"password":"x"}');
  await writeFile(join(root, 'notes.txt'), 'plain');
});

describe('readStaticFile', () => {
  it('serves index.html for / and files with their type', async () => {
    expect((await readStaticFile(root, '/'))?.contentType).toMatch(/^text\/html/);
    expect((await readStaticFile(root, '/assets/app.js'))?.body.toString()).toBe('console.log(1)');
  });

  it.each([
    '/../secret.json',
    '/%2e%2e/secret.json',
    '/assets/..%2f..%2fsecret.json',
    '/..\\secret.json',
    '/%00',
    '/%zz',
  ])('refuses %s', async (path) => {
    expect(await readStaticFile(root, path)).toBeNull();
  });

  it('refuses unknown file types and folders', async () => {
    expect(await readStaticFile(root, '/notes.txt')).toBeNull();
    expect(await readStaticFile(root, '/assets')).toBeNull();
  });
});
