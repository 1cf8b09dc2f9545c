import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setStartAtLogin } from '../../../src/main/start-at-login';
import { resetElectron, state } from '../../support/electron-stand-in';
import { useTempDir } from '../../support/use-temp-dir';

vi.mock('electron', async () => (await import('../../support/electron-stand-in')).electron);

// Start at login, hidden in the tray: an XDG autostart entry on Linux, Electron's login item on Windows and
// macOS (what the OS does with it is proved there only).

const platform = Object.getOwnPropertyDescriptor(process, 'platform');
const asPlatform = (value: NodeJS.Platform): void =>
  void Object.defineProperty(process, 'platform', { value });
const dir = useTempDir('ponte-login-');
const xdg = process.env.XDG_CONFIG_HOME;

beforeEach(async () => {
  resetElectron();
  process.env.XDG_CONFIG_HOME = dir();
});
afterEach(async () => {
  if (platform) Object.defineProperty(process, 'platform', platform);
  if (xdg === undefined) delete process.env.XDG_CONFIG_HOME;
  else process.env.XDG_CONFIG_HOME = xdg;
});

describe('start at login', () => {
  it.each(['win32', 'darwin'] as const)('%s: the OS login item, started hidden', async (os) => {
    asPlatform(os);
    await setStartAtLogin(true);
    expect(state.loginItem).toEqual({ openAtLogin: true, args: ['--hidden'] });
    await setStartAtLogin(false);
    expect(state.loginItem).toEqual({ openAtLogin: false, args: ['--hidden'] });
  });

  it('linux: an autostart entry that starts Ponte hidden, removed when turned off', async () => {
    asPlatform('linux');
    await setStartAtLogin(true);
    const entry = await readFile(join(dir(), 'autostart', 'ponte.desktop'), 'utf8');
    expect(entry).toMatch(/^Exec=.* --hidden$/m);
    expect(state.loginItem).toBeNull();
    await setStartAtLogin(false);
    await expect(readFile(join(dir(), 'autostart', 'ponte.desktop'))).rejects.toMatchObject({
      code: 'ENOENT',
    });
  });
});
