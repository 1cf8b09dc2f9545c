import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { findElectronBinary } from '@core/platform/electron-binary';
import { useTempDir } from '../../../support/use-temp-dir';

const appRoot = useTempDir('ponte-electron-');

beforeEach(async () => {
  await writeFile(join(appRoot(), 'package.json'), '{"name":"app"}');
});

async function installElectronPackage(withBinary: boolean): Promise<void> {
  const dir = join(appRoot(), 'node_modules', 'electron');
  await mkdir(join(dir, 'dist'), { recursive: true });
  await writeFile(join(dir, 'package.json'), '{"name":"electron","version":"45.1.0"}');
  if (withBinary) {
    await writeFile(join(dir, 'path.txt'), 'electron');
    await writeFile(join(dir, 'dist', 'electron'), '#!/bin/sh\n');
    await chmod(join(dir, 'dist', 'electron'), 0o755);
  }
}

describe('findElectronBinary', () => {
  it('reports a missing package', async () => {
    expect(await findElectronBinary(appRoot())).toEqual({ state: 'package-missing' });
  });

  it('reports a package whose binary download was skipped', async () => {
    await installElectronPackage(false);
    expect(await findElectronBinary(appRoot())).toEqual({ state: 'binary-missing', version: '45.1.0' });
  });

  it('finds the binary named by path.txt', async () => {
    await installElectronPackage(true);
    expect(await findElectronBinary(appRoot())).toEqual({
      state: 'present',
      version: '45.1.0',
      path: join(appRoot(), 'node_modules', 'electron', 'dist', 'electron'),
    });
  });
});
