import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMainWindow, showMainWindow, showProfileImport, showRotation } from '../../../src/main/window';
import { resetElectron, StandInBrowserWindow } from '../../support/electron-stand-in';

vi.mock('electron', async () => (await import('../../support/electron-stand-in')).electron);

// The one window: its web preferences are the locked-down ones, it loads Ponte's UI from app://, and the
// tray, a second launch and a reminder bring it back where they should.

const windows = (): StandInBrowserWindow[] => StandInBrowserWindow.all;
beforeEach(() => resetElectron());
afterEach(() => windows().forEach((window) => window.close()));

describe('the main window', () => {
  it('is locked down: isolated, sandboxed, no Node, web security on, no auxclick, our preload only', () => {
    createMainWindow();
    const preferences = windows()[0]?.options.webPreferences;
    expect(preferences).toEqual({
      preload: expect.stringMatching(/preload[/\\]index\.js$/),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(windows()[0]?.webContents.loaded).toEqual(['app://ponte/index.html']);
  });

  it('shows itself when ready, unless started hidden at login', () => {
    const shown = createMainWindow() as unknown as StandInBrowserWindow;
    shown.emit('ready-to-show');
    expect(shown.shown).toBe(true);
    shown.close();
    const hidden = createMainWindow({ hidden: true }) as unknown as StandInBrowserWindow;
    hidden.emit('ready-to-show');
    expect(hidden.shown).toBe(false);
  });

  it('a second launch or the tray restores, shows and focuses the one window; a closed one is made anew', () => {
    const window = createMainWindow({ hidden: true }) as unknown as StandInBrowserWindow;
    window.minimized = true;
    showMainWindow();
    expect([window.minimized, window.shown, window.focused]).toEqual([false, true, true]);
    expect(windows()).toHaveLength(1);
    window.close();
    showMainWindow();
    expect(windows()).toHaveLength(2);
  });

  it('a reminder opens the password’s change form, the menu the profile import: fragments only', () => {
    const window = createMainWindow() as unknown as StandInBrowserWindow;
    showRotation({ accountId: 'a1', credentialId: 'sync' });
    showProfileImport();
    const [, rotation, profile] = window.webContents.loaded;
    expect(new URL(rotation ?? '').hash).toMatch(/^#rotate=/);
    expect(rotation).toContain('a1');
    expect(profile?.startsWith('app://ponte/index.html#')).toBe(true);
  });
});
