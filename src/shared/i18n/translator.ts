import i18next, { type TFunction } from 'i18next';
import type { Language } from './languages';
import { loadMessages } from './load-messages';

/** A translator outside React (the CLI, the main process's notifications), on the same locale files. */
export async function createTranslator(language: Language): Promise<TFunction> {
  const instance = i18next.createInstance();
  await instance.init({
    lng: language,
    fallbackLng: 'en',
    resources: await loadMessages(language),
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return instance.t.bind(instance);
}
