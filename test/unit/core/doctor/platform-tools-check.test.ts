import { chmod, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPlatformTools } from '@core/doctor/checks/platform-tools-check';
import { useTempDir } from '../../../support/use-temp-dir';

const bin = useTempDir('ponte-path-');

describe('checkPlatformTools', () => {
  it('names the missing tools and the packages to install', async () => {
    const check = await checkPlatformTools('linux', { PATH: bin() });
    expect(check.status).toBe('warn');
    expect(check.params?.tools).toContain('gio');
    expect(check.params?.tools).toContain('xdg-open');
    expect(check.hint).toContain('libglib2.0-bin');
  });

  it('finds tools on PATH', async () => {
    for (const name of ['gio', 'xdg-open']) {
      await writeFile(join(bin(), name), '#!/bin/sh\n');
      await chmod(join(bin(), name), 0o755);
    }
    const check = await checkPlatformTools('linux', { PATH: bin() });
    const missing = check.status === 'ok' ? [] : (check.params?.tools ?? '').split(', ');
    expect(missing).not.toContain('gio');
    expect(missing).not.toContain('xdg-open');
  });
});
