import { app } from 'electron';
import type { TFunction } from 'i18next';
import type { Settings } from '@shared/models';
import { resolveLanguage } from '@shared/i18n/languages';
import { createTranslator } from '@shared/i18n/translator';
import { installMenu } from './menu';
import { retranslateTray } from './tray';

/**
 * The menu and the tray in the language the window uses: the saved choice, else the system's. Called at start
 * and whenever Settings saves a new language, so the whole app changes together.
 */
export async function applyLanguage(language: Settings['language']): Promise<void> {
  const t = await appTranslator(language);
  installMenu(t);
  retranslateTray(t);
}

/** What the main process says (menu, tray, notifications), in the saved language or else the system's. */
export function appTranslator(language: Settings['language']): Promise<TFunction> {
  return createTranslator(resolveLanguage(language, [app.getLocale(), ...app.getPreferredSystemLanguages()]));
}
