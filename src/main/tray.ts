import { app, Menu, nativeImage, Tray } from 'electron';
import { resourcePath } from './paths';
import { showMainWindow } from './window';

let tray: Tray | null = null;

/** The tray entry: reopens and quits Ponte, and lists the passwords needing attention (from the reminders). */
export function createTray(): void {
  const icon = nativeImage.createFromPath(resourcePath('tray-icon.png'));
  tray = new Tray(icon);
  tray.on('click', showMainWindow);
  showAttention([]);
}

/** One menu entry per password that expires soon, has expired or was refused; each opens Ponte. */
export function showAttention(items: readonly string[]): void {
  if (!tray) return;
  tray.setToolTip(items.length === 0 ? 'Ponte' : `Ponte — ${items.join('; ')}`);
  tray.setContextMenu(
    Menu.buildFromTemplate([
      ...items.map((label) => ({ label, click: showMainWindow })),
      ...(items.length > 0 ? [{ type: 'separator' as const }] : []),
      { label: 'Open Ponte', click: showMainWindow },
      { type: 'separator' },
      { label: 'Quit', click: () => app.quit() },
    ]),
  );
}
