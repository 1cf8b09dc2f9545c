import { app } from 'electron';
import { setLinuxAutostart } from '@core/platform/linux-autostart';

/** Ponte at login, hidden in the tray: an XDG autostart entry on Linux, the OS login item elsewhere. */
export async function setStartAtLogin(enabled: boolean): Promise<void> {
  if (process.platform === 'linux') {
    // Packaged, the executable is Ponte itself; in development it is Electron given the app's folder.
    const command = app.isPackaged
      ? [process.execPath, '--hidden']
      : [process.execPath, app.getAppPath(), '--hidden'];
    await setLinuxAutostart(enabled, command);
    return;
  }
  // Windows passes the args; macOS does not, and main asks wasOpenedAtLogin instead.
  app.setLoginItemSettings({ openAtLogin: enabled, args: ['--hidden'] });
}
