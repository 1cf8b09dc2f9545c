// The Electron main process: lifecycle only. Everything with logic lives in core; each concern has its file.
import { app } from 'electron';
import { createCore } from '@core/core';
import { openDataFolderLog } from '@core/log/data-folder-log';
import { logFor } from '@core/log/logger';
import { currentDataDir } from '@core/paths/data-dir';
import { runAfterStart } from '@core/startup/after-start';
import { registerAppProtocol, registerAppScheme } from './app-protocol';
import { registerIpc } from './ipc/register-ipc';
import { applyLanguage } from './host-language';
import { hardenSessions, hardenWebContents } from './security';
import { startReminders } from './reminders';
import { createTray } from './tray';
import { createMainWindow, showMainWindow } from './window';

// One data folder for the app and the CLI; PONTE_DATA_DIR (tests, IT) wins, as in the CLI.
app.setPath('userData', currentDataDir());
app.enableSandbox();
registerAppScheme();
const log = logFor('app');

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => showMainWindow());
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

  void app.whenReady().then(async () => {
    const core = createCore({ dataDir: app.getPath('userData'), appRoot: app.getAppPath() });
    openDataFolderLog(core.dataDir);
    hardenSessions();
    registerAppProtocol();
    registerIpc(core);
    // The menu and the tray speak the window's language, and follow it when Settings changes it.
    const { language } = await core.settings.read().catch((error: unknown) => {
      log.warn('settings unreadable; menus follow the system language', error);
      return { language: 'auto' as const };
    });
    createTray();
    await applyLanguage(language);
    // Started at login: stay in the tray until the person opens the window.
    const atLogin =
      process.argv.includes('--hidden') ||
      (process.platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin);
    createMainWindow({ hidden: atLogin });
    void runAfterStart(core);
    startReminders(core);
    app.on('activate', () => showMainWindow());
  });

  // The tray keeps Ponte reachable, but without a window on Linux/Windows there is nothing to remind yet.
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
