import { beforeEach, describe, expect, it, vi } from 'vitest';
import en from '@shared/i18n/locales/en.json';
import { createTranslator } from '@shared/i18n/translator';
import { installMenu } from '../../../src/main/menu';
import { app, resetElectron, StandInBrowserWindow, state } from '../../support/electron-stand-in';

vi.mock('electron', async () => (await import('../../support/electron-stand-in')).electron);

// The application menu: Ponte's own entries work, and developer tools exist only in development builds.

type Item = Electron.MenuItemConstructorOptions;
const flat = (items: readonly Item[] | undefined): Item[] =>
  (items ?? []).flatMap((item) => [item, ...flat(Array.isArray(item.submenu) ? item.submenu : undefined)]);
const click = (item: Item | undefined): void => (item?.click as (() => void) | undefined)?.();

beforeEach(() => {
  resetElectron();
  StandInBrowserWindow.all = [];
});

describe('the application menu', () => {
  it('shows Ponte and opens the IT-profile import from the File menu', async () => {
    installMenu(await createTranslator('en'));
    const items = flat(state.applicationMenu?.template);
    const show = items.find((item) => item.label === en.menu.show);
    expect(show?.accelerator).toBe('CmdOrCtrl+1');
    click(show);
    expect(StandInBrowserWindow.all).toHaveLength(1);
    click(items.find((item) => item.label === en.menu.importProfile));
    expect(StandInBrowserWindow.all[0]?.webContents.loaded.at(-1)).toMatch(/^app:\/\/ponte\/index\.html#/);
  });

  it('offers developer tools in development only', async () => {
    const t = await createTranslator('en');
    installMenu(t);
    expect(flat(state.applicationMenu?.template).some((item) => item.role === 'toggleDevTools')).toBe(true);
    app.isPackaged = true;
    try {
      installMenu(t);
      expect(flat(state.applicationMenu?.template).some((item) => item.role === 'toggleDevTools')).toBe(
        false,
      );
    } finally {
      app.isPackaged = false;
    }
  });
});
