import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCore } from '@core/core';
import { CHANNELS } from '@shared/channels';
import { registerIpc } from '../../../../src/main/ipc/register-ipc';
import { createMainWindow } from '../../../../src/main/window';
import { resetElectron, type StandInBrowserWindow, state } from '../../../support/electron-stand-in';
import { untouchedSecrets } from '../../../support/memory-secrets';
import { useTempDir } from '../../../support/use-temp-dir';

vi.mock('electron', async () => (await import('../../../support/electron-stand-in')).electron);

// IPC as Electron delivers it: every call carries its sender and frame; only Ponte's own window, its top
// frame, showing Ponte's UI reaches core — anything else is refused before core looks at it.

const dir = useTempDir('ponte-ipc-');
let window: StandInBrowserWindow;
let core: ReturnType<typeof createCore>;

beforeEach(async () => {
  resetElectron();
  core = createCore({ dataDir: dir(), appRoot: join(__dirname, '../../../..'), secrets: untouchedSecrets });
  registerIpc(core);
  window = createMainWindow() as unknown as StandInBrowserWindow;
});
afterEach(async () => {
  window.close();
});

const call = (channel: string, input: unknown, from: { id: number; url: string | null; top: boolean }) => {
  const handler = state.ipc.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  const frame = from.url === null ? null : { url: from.url, parent: from.top ? null : {} };
  return handler(
    { sender: { id: from.id }, senderFrame: frame } as unknown as Electron.IpcMainInvokeEvent,
    input,
  );
};

describe('registerIpc', () => {
  it('handles exactly the contract’s channels, once each (registering again replaces them)', () => {
    expect([...state.ipc.keys()].sort()).toEqual([...CHANNELS].sort());
    expect(() => registerIpc(core)).not.toThrow();
  });

  it('answers Ponte’s own window', async () => {
    const ours = { id: window.webContents.id, url: 'app://ponte/index.html', top: true };
    await expect(call('app:info', undefined, ours)).resolves.toMatchObject({
      ok: true,
      value: { name: 'Ponte' },
    });
    await expect(call('settings:update', { language: 'it' }, ours)).resolves.toMatchObject({ ok: true });
    expect((await core.settings.read()).language).toBe('it');
  });

  it.each([
    ['another window', { id: -1, url: 'app://ponte/index.html', top: true }],
    ['a frame inside the window', { id: 0, url: 'app://ponte/index.html', top: false }],
    ['the window after it went elsewhere', { id: 0, url: 'https://evil.example/', top: true }],
    ['a sender Electron no longer knows', { id: 0, url: null, top: true }],
  ])('refuses %s before core runs', async (_name, from) => {
    const sender = { ...from, id: from.id === 0 ? window.webContents.id : from.id };
    await expect(call('settings:update', { language: 'de' }, sender)).resolves.toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'Caller is not Ponte.' },
    });
    expect((await core.settings.read()).language).toBe('auto');
  });

  it('refuses a closed window’s leftover calls', async () => {
    const id = window.webContents.id;
    window.close();
    await expect(
      call('app:info', undefined, { id, url: 'app://ponte/index.html', top: true }),
    ).resolves.toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });
});
