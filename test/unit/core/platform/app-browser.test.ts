import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appWindowArgs, findAppBrowser } from '@core/platform/app-browser';
import { useTempDir } from '../../../support/use-temp-dir';

const dir = useTempDir('ponte-browser-');

const program = async (path: string): Promise<string> => {
  await mkdir(join(path, '..'), { recursive: true });
  await writeFile(path, '#!/bin/sh\n');
  await chmod(path, 0o755);
  return path;
};

describe('the browser that stands in for Electron', () => {
  it('Linux: the first Chromium-family browser on PATH; none: null', async () => {
    const bin = join(dir(), 'bin');
    expect(await findAppBrowser({ PATH: bin }, 'linux')).toBeNull();
    await program(join(bin, 'google-chrome-stable'));
    expect(await findAppBrowser({ PATH: bin }, 'linux')).toBe(join(bin, 'google-chrome-stable'));
    await program(join(bin, 'chromium'));
    expect(await findAppBrowser({ PATH: bin }, 'linux')).toBe(join(bin, 'chromium'));
  });

  it('Windows: Edge (every Windows has it) under Program Files, else Chrome', async () => {
    const programFiles = join(dir(), 'Program Files');
    const chrome = await program(join(programFiles, 'Google', 'Chrome', 'Application', 'chrome.exe'));
    expect(await findAppBrowser({ ProgramFiles: programFiles, PATHEXT: '.EXE' }, 'win32')).toBe(chrome);
    const edge = await program(join(programFiles, 'Microsoft', 'Edge', 'Application', 'msedge.exe'));
    expect(await findAppBrowser({ ProgramFiles: programFiles, PATHEXT: '.EXE' }, 'win32')).toBe(edge);
  });

  it('PONTE_BROWSER chooses one, or none', async () => {
    const mine = await program(join(dir(), 'my-browser'));
    expect(await findAppBrowser({ PONTE_BROWSER: mine, PATH: '' }, 'linux')).toBe(mine);
    await program(join(dir(), 'bin', 'chromium'));
    expect(await findAppBrowser({ PONTE_BROWSER: 'none', PATH: join(dir(), 'bin') }, 'linux')).toBeNull();
  });

  it('opens an app window with a profile of its own', () => {
    expect(appWindowArgs('http://127.0.0.1:5/#token=t', '/data/app-window')).toEqual([
      '--app=http://127.0.0.1:5/#token=t',
      '--user-data-dir=/data/app-window',
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-background-networking',
    ]);
  });
});
