import de from './locales/de.json';
import en from './locales/en.json';
import fr from './locales/fr.json';
import it from './locales/it.json';
import type { Language } from './languages';

export type Messages = typeof en;

// Every locale must have the shape of English; a missing key fails the type check, not the user.
export const resources: Record<Language, { translation: Messages }> = {
  en: { translation: en },
  it: { translation: it },
  fr: { translation: fr },
  de: { translation: de },
};
