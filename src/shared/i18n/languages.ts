export const LANGUAGES = ['it', 'fr', 'de', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export type LanguagePreference = Language | 'auto';

export const FALLBACK_LANGUAGE: Language = 'en';

export function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}

/**
 * Picks the first supported language from an ordered list of BCP 47 tags or POSIX locales
 * ("it-IT", "de_CH.UTF-8", "fr"), falling back to English.
 */
export function pickLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const primary =
      tag
        .trim()
        .toLowerCase()
        .split(/[-_.@]/)[0] ?? '';
    if (isLanguage(primary)) return primary;
  }
  return FALLBACK_LANGUAGE;
}

export function resolveLanguage(
  preference: LanguagePreference,
  systemLanguages: readonly string[],
): Language {
  return preference === 'auto' ? pickLanguage(systemLanguages) : preference;
}
