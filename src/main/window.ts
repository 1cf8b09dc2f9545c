import { BrowserWindow } from 'electron';
import { type RotationTarget, rotationHash } from '@shared/rotation-link';
import { PROFILE_IMPORT_HASH } from '@shared/profile';
import { APP_ORIGIN, DEV_SERVER_URL, PRELOAD_PATH, resourcePath } from './paths';

let mainWindow: BrowserWindow | null = null;

export function createMainWindow({ hidden = false }: { hidden?: boolean } = {}): BrowserWindow {
  const window = new BrowserWindow({
    width: 1040,
    height: 720,
    minWidth: 640,
    minHeight: 480,
    show: false,
    title: 'Ponte',
    icon: resourcePath('icon.png'),
    webPreferences: {
      preload: PRELOAD_PATH,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      // A middle click would otherwise open a link as a new window (which the window-open handler refuses).
      disableBlinkFeatures: 'Auxclick',
    },
  });
  if (!hidden) window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    mainWindow = null;
  });
  void window.loadURL(DEV_SERVER_URL ?? `${APP_ORIGIN}/index.html`);
  mainWindow = window;
  return window;
}

/** Brings the one window forward, creating it if it was closed (second launch, tray, dock click). */
export function showMainWindow(): void {
  const window = mainWindow ?? createMainWindow();
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

/** The webContents allowed to call IPC: only our own window's. */
export function isMainWindowContents(id: number): boolean {
  return mainWindow !== null && !mainWindow.isDestroyed() && mainWindow.webContents.id === id;
}

/** Brings the window forward at a fragment the renderer follows; only ids ever go in it. */
function showAt(hash: string): void {
  showMainWindow();
  const contents = mainWindow?.webContents;
  if (!contents) return;
  // Same page, another fragment: the renderer follows it without reloading.
  const url = new URL(contents.getURL() || DEV_SERVER_URL || `${APP_ORIGIN}/index.html`);
  url.hash = hash;
  void contents.loadURL(url.toString());
}

/** At a password's change form (a reminder was clicked). */
export function showRotation(target: RotationTarget): void {
  showAt(rotationHash(target));
}

/** At the wizard's IT-profile import (the menu's "Import IT profile…"). */
export function showProfileImport(): void {
  showAt(PROFILE_IMPORT_HASH);
}
