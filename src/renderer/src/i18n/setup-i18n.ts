import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { pickLanguage } from '@shared/i18n/languages';
import { resources } from '@shared/i18n/resources';

/** Starts in the system's language; the saved preference is applied as soon as settings load. */
export async function setupI18n(): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    lng: pickLanguage(navigator.languages),
    fallbackLng: 'en',
    resources,
    interpolation: { escapeValue: false },
  });
  document.documentElement.lang = i18next.language;
  i18next.on('languageChanged', (language) => {
    document.documentElement.lang = language;
  });
  return i18next;
}
