import { expect, it, vi } from 'vitest';
import { StandInBrowserWindow, state } from '../../support/electron-stand-in';
import { startMain } from './start-main';

vi.mock('electron', async () => (await import('../../support/electron-stand-in')).electron);

it('a second copy of Ponte hands over to the first and quits, opening nothing', async () => {
  await startMain({ singleInstance: false });
  expect(state.quit).toBe(1);
  expect(StandInBrowserWindow.all).toEqual([]);
  expect(state.ipc.size).toBe(0);
});
