import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Configuration } from 'electron-builder';

const load = createRequire(__filename);
const root = join(__dirname, '../../..');
const release = load(join(root, 'electron-builder.config.cjs')) as Configuration;
const e2e = load(join(root, 'electron-builder.e2e.config.cjs')) as Configuration;

describe('packaging fuses', () => {
  it('hardens the release build', () => {
    expect(release.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('keeps only NodeCliInspect on in the Playwright build', () => {
    expect(e2e.electronFuses).toEqual({ ...release.electronFuses, enableNodeCliInspectArguments: true });
    expect(e2e.directories?.output).not.toBe(release.directories?.output);
  });
});
