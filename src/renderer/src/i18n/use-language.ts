import { useTranslation } from 'react-i18next';
import { FALLBACK_LANGUAGE, isLanguage, type Language } from '@shared/i18n/languages';

/** The window's language as a catalog key: catalog texts (steps, labels, notes) come in these four. */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  const current = i18n.resolvedLanguage ?? i18n.language;
  return isLanguage(current) ? current : FALLBACK_LANGUAGE;
}
