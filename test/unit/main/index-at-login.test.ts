import { expect, it, vi } from 'vitest';
import { becomeReady, StandInBrowserWindow, StandInTray } from '../../support/electron-stand-in';
import { startMain } from './start-main';

vi.mock('electron', async () => (await import('../../support/electron-stand-in')).electron);

it('started at login (--hidden): the window waits, the tray is there', async () => {
  await startMain({ hidden: true });
  becomeReady();
  await vi.waitFor(() => expect(StandInBrowserWindow.all).toHaveLength(1));
  StandInBrowserWindow.all[0]?.emit('ready-to-show');
  expect(StandInBrowserWindow.all[0]?.shown).toBe(false);
  expect(StandInTray.all).toHaveLength(1);
});
