import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { pickLanguage, type Language } from '@shared/i18n/languages';
import { loadMessages } from '@shared/i18n/load-messages';

/**
 * Starts in the system's language; the saved preference is applied as soon as settings load. Only that language
 * and English (the fallback) are loaded: each other one is a chunk of its own, fetched when chosen.
 */
export async function setupI18n(): Promise<typeof i18next> {
  const language = pickLanguage(navigator.languages);
  await i18next.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'en',
    resources: await loadMessages(language),
    interpolation: { escapeValue: false },
  });
  document.documentElement.lang = i18next.language;
  i18next.on('languageChanged', (changed) => {
    document.documentElement.lang = changed;
  });
  return i18next;
}

/** Switches the window's language, loading its messages first when they are not here yet. */
export async function switchLanguage(language: Language): Promise<void> {
  if (!i18next.hasResourceBundle(language, 'translation')) {
    for (const [lng, bundle] of Object.entries(await loadMessages(language))) {
      i18next.addResourceBundle(lng, 'translation', bundle.translation, true, true);
    }
  }
  await i18next.changeLanguage(language);
}
