import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from '../../support/source-files';

const root = join(__dirname, '../../..');

const importsElectron =
  /(from\s+['"]electron['"]|require\(\s*['"]electron['"]\s*\)|import\(\s*['"]electron['"]\s*\))/;

describe('architecture', () => {
  it.each(['src/core', 'src/cli', 'src/web-bridge', 'src/shared', 'src/renderer'])(
    '%s never imports electron',
    async (dir) => {
      const offenders: string[] = [];
      for (const file of await sourceFiles(join(root, dir))) {
        if (importsElectron.test(await readFile(file, 'utf8'))) offenders.push(relative(root, file));
      }
      expect(offenders).toEqual([]);
    },
  );

  it('the preload exposes one API object and no raw ipcRenderer', async () => {
    const preload = await readFile(join(root, 'src/preload/index.ts'), 'utf8');
    expect(preload.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer/);
    expect(preload).not.toMatch(/ipcRenderer\.(on|send|sendSync)\(/);
  });

  it('no source file turns TLS verification or the sandbox off', async () => {
    const banned =
      /rejectUnauthorized:\s*false|NODE_TLS_REJECT_UNAUTHORIZED|ignoreTLS:\s*true|sandbox:\s*false|contextIsolation:\s*false|nodeIntegration:\s*true/;
    const offenders: string[] = [];
    for (const file of await sourceFiles(join(root, 'src'))) {
      if (banned.test(await readFile(file, 'utf8'))) offenders.push(relative(root, file));
    }
    expect(offenders).toEqual([]);
  });
});
