import { app, Menu, nativeImage, Tray } from 'electron';
import type { TFunction } from 'i18next';
import { resourcePath } from './paths';
import { showMainWindow } from './window';

let current: { tray: Tray; t: TFunction } | null = null;

/** The tray entry: reopens and quits Ponte, and lists the passwords needing attention (from the reminders). */
export function createTray(t: TFunction): void {
  const tray = new Tray(nativeImage.createFromPath(resourcePath('tray-icon.png')));
  tray.on('click', showMainWindow);
  current = { tray, t };
  showAttention([]);
}

/** One menu entry per password that expires soon, has expired or was refused; each opens Ponte. */
export function showAttention(items: readonly string[]): void {
  if (!current) return;
  const { tray, t } = current;
  tray.setToolTip(items.length === 0 ? 'Ponte' : `Ponte — ${items.join('; ')}`);
  tray.setContextMenu(
    Menu.buildFromTemplate([
      ...items.map((label) => ({ label, click: showMainWindow })),
      ...(items.length > 0 ? [{ type: 'separator' as const }] : []),
      { label: t('menu.open'), click: showMainWindow },
      { type: 'separator' },
      { label: t('menu.quit'), click: () => app.quit() },
    ]),
  );
}
