import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RotatingLogFile } from '@core/log/rotating-log-file';
import { useTempDir } from '../../../support/use-temp-dir';

const dir = useTempDir('ponte-log-');

const lines = (text: string): string[] => text.split('\n').filter(Boolean);

describe('RotatingLogFile', () => {
  it('appends in the background, creating the folder 0700 and the file 0600', async () => {
    const folder = join(dir(), 'data', 'Ponte');
    const log = new RotatingLogFile(folder);
    log.append('one');
    log.append('two');
    await log.flush();
    log.append('three');
    await log.flush();
    expect(lines(await readFile(join(folder, 'ponte.log'), 'utf8'))).toEqual(['one', 'two', 'three']);
    expect((await stat(folder)).mode & 0o777).toBe(0o700);
    expect((await stat(join(folder, 'ponte.log'))).mode & 0o777).toBe(0o600);
  });

  it('past its size, ponte.log becomes ponte.1.log (replacing the older one): at most two files', async () => {
    const log = new RotatingLogFile(dir(), 100);
    const line = (n: number): string => `line ${String(n).padStart(2, '0')} ${'x'.repeat(30)}`;
    for (let n = 0; n < 10; n++) {
      log.append(line(n));
      await log.flush();
    }
    const current = lines(await readFile(join(dir(), 'ponte.log'), 'utf8'));
    const previous = lines(await readFile(join(dir(), 'ponte.1.log'), 'utf8'));
    // 40 bytes a line, 100 at most: two lines a file, the newest in ponte.log.
    expect(current).toEqual([line(8), line(9)]);
    expect(previous).toEqual([line(6), line(7)]);
    expect((await stat(join(dir(), 'ponte.log'))).size).toBeLessThanOrEqual(100);
  });

  it('rotates a file another process grew (the size is read, not counted)', async () => {
    await writeFile(join(dir(), 'ponte.log'), `${'y'.repeat(95)}\n`);
    const log = new RotatingLogFile(dir(), 100);
    log.append('fresh');
    await log.flush();
    expect(await readFile(join(dir(), 'ponte.log'), 'utf8')).toBe('fresh\n');
    expect((await readFile(join(dir(), 'ponte.1.log'), 'utf8')).startsWith('yyy')).toBe(true);
  });

  it('never throws, nor rejects, when the folder cannot be written', async () => {
    // A path under a regular file: no user, root included, can create it.
    await writeFile(join(dir(), 'a-file'), '');
    const log = new RotatingLogFile(join(dir(), 'a-file', 'Ponte'));
    expect(() => {
      for (let n = 0; n < 2000; n++) log.append(`line ${n}`);
    }).not.toThrow();
    await expect(log.flush()).resolves.toBeUndefined();
    expect(() => log.flushSync()).not.toThrow();
  });

  it('writes what is still queued synchronously (at process exit)', async () => {
    const log = new RotatingLogFile(dir());
    log.append('first');
    await log.flush();
    (log as unknown as { pending: string[] }).pending.push('last\n');
    log.flushSync();
    expect(lines(await readFile(join(dir(), 'ponte.log'), 'utf8'))).toEqual(['first', 'last']);
  });
});
