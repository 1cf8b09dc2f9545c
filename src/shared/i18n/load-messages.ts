import type { Language } from './languages';
import type { Messages } from './resources';

// One language's messages, loaded when asked: a command or a window speaks one language, and the four files
// together are most of the translator's weight. Every locale has exactly English's keys (the type here, and
// test/unit/shared/i18n/locales.test.ts), so the chosen one alone is complete.
const loaders: Record<Language, () => Promise<{ default: Messages }>> = {
  en: () => import('./locales/en.json'),
  it: () => import('./locales/it.json'),
  fr: () => import('./locales/fr.json'),
  de: () => import('./locales/de.json'),
};

/** i18next resources holding `language` alone. */
export async function loadMessages(
  language: Language,
): Promise<Partial<Record<Language, { translation: Messages }>>> {
  return { [language]: { translation: (await loaders[language]()).default } };
}
