import { describe, expect, it } from 'vitest';
import { pickLanguage, resolveLanguage } from '@shared/i18n/languages';

describe('pickLanguage', () => {
  it('takes the first supported language from BCP 47 tags and POSIX locales', () => {
    expect(pickLanguage(['es-ES', 'de-CH', 'fr'])).toBe('de');
    expect(pickLanguage(['it_IT.UTF-8'])).toBe('it');
    expect(pickLanguage(['FR-ca'])).toBe('fr');
  });

  it('falls back to English when nothing matches', () => {
    expect(pickLanguage(['pt-BR', 'ja'])).toBe('en');
    expect(pickLanguage([])).toBe('en');
  });
});

describe('resolveLanguage', () => {
  it('follows the system for "auto" and the choice otherwise', () => {
    expect(resolveLanguage('auto', ['it-IT'])).toBe('it');
    expect(resolveLanguage('de', ['it-IT'])).toBe('de');
  });
});
