import { ipcMain, shell, app, type IpcMainInvokeEvent } from 'electron';
import { CHANNELS } from '@shared/channels';
import type { Envelope } from '@shared/error-codes';
import { createHandlers } from '@core/api/handlers';
import { dispatch } from '@core/api/dispatch';
import type { Core } from '@core/core';
import { logFor } from '@core/log/logger';
import { UI_ORIGIN } from '../paths';
import { isMainWindowContents } from '../window';
import { setStartAtLogin } from '../start-at-login';
import { applyLanguage } from '../host-language';
import { isTrustedSender } from './trusted-sender';

const log = logFor('ipc');

/** One handler per contract channel; input validation and error envelopes happen in core's dispatch. */
export function registerIpc(core: Core): void {
  const handlers = createHandlers(core, {
    shell: 'electron',
    appName: app.getName(),
    appVersion: app.getVersion(),
    appRoot: app.getAppPath(),
    runningElectron: process.versions.electron,
    openExternal: (url) => shell.openExternal(url),
    setStartAtLogin,
    languageChanged: (language) => void applyLanguage(language),
  });
  for (const channel of CHANNELS) {
    ipcMain.removeHandler(channel);
    ipcMain.handle(channel, (event, input: unknown): Promise<Envelope<unknown>> => {
      if (!isTrustedEvent(event)) {
        return Promise.resolve({ ok: false, error: { code: 'FORBIDDEN', message: 'Caller is not Ponte.' } });
      }
      return dispatch(handlers, channel, input, (error) => {
        console.error(`[ipc] ${channel} failed:`, error);
        log.error(`${channel} failed`, error);
      });
    });
  }
}

function isTrustedEvent(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return isTrustedSender(
    {
      frameUrl: frame?.url ?? null,
      isTopFrame: frame?.parent === null,
      isOurWindow: isMainWindowContents(event.sender.id),
    },
    UI_ORIGIN,
  );
}
