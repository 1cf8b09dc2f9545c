import { describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '@shared/channels';
import { app, becomeReady, StandInBrowserWindow, StandInTray, state } from '../../support/electron-stand-in';
import { startMain } from './start-main';

vi.mock('electron', async () => (await import('../../support/electron-stand-in')).electron);

// The main process's start, as Electron drives it: sandbox for every renderer, the data folder shared with
// the CLI, and once ready the protocol, IPC, tray and window; a second launch brings the window forward.

describe('the main process', () => {
  it('once ready: protocol, every IPC channel, tray and window; a second launch brings the window forward', async () => {
    const dir = await startMain();
    expect(state.sandbox).toBe(true);
    expect(state.paths.get('userData')).toBe(dir);
    expect(state.privileged.map((scheme) => scheme.scheme)).toEqual(['app']);
    becomeReady();
    await vi.waitFor(() => expect(StandInBrowserWindow.all).toHaveLength(1));
    expect([...state.ipc.keys()].sort()).toEqual([...CHANNELS].sort());
    expect(state.protocols.has('app')).toBe(true);
    expect(StandInTray.all).toHaveLength(1);
    const window = StandInBrowserWindow.all[0];
    window?.emit('ready-to-show');
    expect(window?.shown).toBe(true);
    window?.close();
    app.emit('second-instance');
    expect(StandInBrowserWindow.all).toHaveLength(2);
    expect(StandInBrowserWindow.all[1]?.focused).toBe(true);
  });
});
