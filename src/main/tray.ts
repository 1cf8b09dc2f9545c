import { app, Menu, nativeImage, Tray } from 'electron';
import type { TFunction } from 'i18next';
import { resourcePath } from './paths';
import { showMainWindow } from './window';

let tray: Tray | null = null;
let translate: TFunction | null = null;
let attention: readonly string[] = [];

/** The tray entry: reopens and quits Ponte, and lists the passwords needing attention (from the reminders). */
export function createTray(): void {
  tray = new Tray(nativeImage.createFromPath(resourcePath('tray-icon.png')));
  tray.on('click', showMainWindow);
  render();
}

/** Its entries in the window's language (set at start, then whenever Settings changes it). */
export function retranslateTray(t: TFunction): void {
  translate = t;
  render();
}

/** One menu entry per password that expires soon, has expired or was refused; each opens Ponte. */
export function showAttention(items: readonly string[]): void {
  attention = items;
  render();
}

function render(): void {
  if (!tray || !translate) return;
  const t = translate;
  tray.setToolTip(attention.length === 0 ? 'Ponte' : `Ponte — ${attention.join('; ')}`);
  tray.setContextMenu(
    Menu.buildFromTemplate([
      ...attention.map((label) => ({ label, click: showMainWindow })),
      ...(attention.length > 0 ? [{ type: 'separator' as const }] : []),
      { label: t('menu.open'), click: showMainWindow },
      { type: 'separator' },
      { label: t('menu.quit'), click: () => app.quit() },
    ]),
  );
}
