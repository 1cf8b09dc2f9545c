import type { Language } from './languages';
import type { Messages } from './resources';

// One language's messages, loaded when asked: a command or a window speaks one language (and English as the
// fallback), and the four files together are most of the translator's weight. The type still requires every
// locale to have English's shape.
const loaders: Record<Language, () => Promise<{ default: Messages }>> = {
  en: () => import('./locales/en.json'),
  it: () => import('./locales/it.json'),
  fr: () => import('./locales/fr.json'),
  de: () => import('./locales/de.json'),
};

/** i18next resources for `language` and for English, its fallback. */
export async function loadMessages(
  language: Language,
): Promise<Partial<Record<Language, { translation: Messages }>>> {
  const languages = language === 'en' ? ['en' as const] : [language, 'en' as const];
  const loaded = await Promise.all(
    languages.map(async (lng) => [lng, { translation: (await loaders[lng]()).default }]),
  );
  return Object.fromEntries(loaded) as Partial<Record<Language, { translation: Messages }>>;
}
