import { ipcMain, shell, app, type IpcMainInvokeEvent } from 'electron';
import { CHANNELS } from '@shared/channels';
import type { Envelope } from '@shared/error-codes';
import { createHandlers } from '@core/api/handlers';
import { dispatch } from '@core/api/dispatch';
import type { Core } from '@core/core';
import { originOf } from '../origin';
import { UI_ORIGIN } from '../paths';
import { isMainWindowContents } from '../window';

/** One handler per contract channel; input validation and error envelopes happen in core's dispatch. */
export function registerIpc(core: Core): void {
  const handlers = createHandlers(core, {
    shell: 'electron',
    appName: app.getName(),
    appVersion: app.getVersion(),
    appRoot: app.getAppPath(),
    runningElectron: process.versions.electron,
    openExternal: (url) => shell.openExternal(url),
  });
  for (const channel of CHANNELS) {
    ipcMain.removeHandler(channel);
    ipcMain.handle(channel, (event, input: unknown): Promise<Envelope<unknown>> => {
      if (!isTrustedSender(event)) {
        return Promise.resolve({ ok: false, error: { code: 'FORBIDDEN', message: 'Caller is not Ponte.' } });
      }
      return dispatch(handlers, channel, input, (error) => console.error(`[ipc] ${channel} failed:`, error));
    });
  }
}

/** Only the top frame of our own window, showing our own UI, may call core. */
function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return (
    frame !== null &&
    frame.parent === null &&
    isMainWindowContents(event.sender.id) &&
    originOf(frame.url) === UI_ORIGIN
  );
}
