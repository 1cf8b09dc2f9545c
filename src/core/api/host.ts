import type { Settings } from '@shared/models';

/** What the front end hosting core provides: the desktop app and the browser preview differ here only. */
export interface Host {
  shell: 'electron' | 'browser';
  appName: string;
  appVersion: string;
  /** Folder holding Ponte's package.json. */
  appRoot: string;
  /** Electron's version when running inside it. */
  runningElectron?: string;
  /** Opens an already allow-listed https URL in the person's default browser. */
  openExternal(url: string): Promise<void>;
  /** Makes Ponte start (hidden in the tray) at login, or not; the setting itself is core's. */
  setStartAtLogin(enabled: boolean): Promise<void>;
  /** Told once a new language is saved, so what the host shows itself (menu, tray) follows the window. */
  languageChanged?(language: Settings['language']): void;
}
