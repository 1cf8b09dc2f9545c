import { beforeEach, describe, expect, it, vi } from 'vitest';
import en from '@shared/i18n/locales/en.json';
import { createTranslator } from '@shared/i18n/translator';
import { createTray, retranslateTray } from '../../../src/main/tray';
import { resetElectron, StandInBrowserWindow, StandInTray, state } from '../../support/electron-stand-in';

vi.mock('electron', async () => (await import('../../support/electron-stand-in')).electron);

// The tray keeps Ponte reachable with no window: a click opens it, its menu opens or quits Ponte.

beforeEach(() => {
  resetElectron();
  StandInBrowserWindow.all = [];
});

describe('the tray', () => {
  it('a click opens the window; the menu opens it or quits', async () => {
    createTray();
    retranslateTray(await createTranslator('en'));
    const tray = StandInTray.all[0];
    expect(tray?.image).toMatchObject({ path: expect.stringMatching(/resources[/\\]tray-icon\.png$/) });
    tray?.emit('click');
    expect(StandInBrowserWindow.all).toHaveLength(1);
    const quit = tray?.menu?.template.find((item) => item.label === en.menu.quit);
    (quit?.click as () => void)();
    expect(state.quit).toBe(1);
  });
});
