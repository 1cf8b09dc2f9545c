// The whole surface the UI gets: `window.ponte.invoke(channel, input)` for the channels of the contract.
// No ipcRenderer, no events objects, nothing else crosses into the page.
import { contextBridge, ipcRenderer } from 'electron';
import { isChannel } from '../shared/channels';
import type { PonteApi } from '../shared/contract';

const api: PonteApi = {
  invoke: (channel, input) =>
    isChannel(channel)
      ? ipcRenderer.invoke(channel, input)
      : Promise.resolve({ ok: false, error: { code: 'UNKNOWN_CHANNEL', message: 'Unknown call.' } }),
};

contextBridge.exposeInMainWorld('ponte', Object.freeze(api));
