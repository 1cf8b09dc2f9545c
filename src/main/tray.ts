import { app, Menu, nativeImage, Tray } from 'electron';
import { resourcePath } from './paths';
import { showMainWindow } from './window';

let tray: Tray | null = null;

/** The tray entry is where expiry reminders will surface; for now it reopens and quits Ponte. */
export function createTray(): void {
  const icon = nativeImage.createFromPath(resourcePath('tray-icon.png'));
  tray = new Tray(icon);
  tray.setToolTip('Ponte');
  tray.setContextMenu(
    Menu.buildFromTemplate([
      { label: 'Open Ponte', click: showMainWindow },
      { type: 'separator' },
      { label: 'Quit', click: () => app.quit() },
    ]),
  );
  tray.on('click', showMainWindow);
}
