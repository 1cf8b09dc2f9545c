import { describe, expect, it } from 'vitest';
import { createTranslator } from '@shared/i18n/translator';
import { chooseCliLanguage, systemLanguages } from '../../../src/cli/cli-i18n';

describe('CLI language', () => {
  it('prefers the flag, then the saved setting, then the environment', () => {
    const env = { LANG: 'fr_FR.UTF-8' };
    expect(chooseCliLanguage('de', 'it', env)).toBe('de');
    expect(chooseCliLanguage(undefined, 'it', env)).toBe('it');
    expect(chooseCliLanguage(undefined, undefined, env)).toBe('fr');
    expect(chooseCliLanguage(undefined, undefined, { LANG: 'C' })).toBe('en');
  });

  it('reads LC_ALL before LANGUAGE before LANG', () => {
    expect(systemLanguages({ LC_ALL: 'de_DE', LANGUAGE: 'it:fr', LANG: 'en_US' })).toEqual([
      'de_DE',
      'it',
      'fr',
      'en_US',
    ]);
  });

  it('translates, with plurals', async () => {
    const t = await createTranslator('it');
    expect(t('doctor.someFailed', { count: 2 })).not.toBe(
      (await createTranslator('en'))('doctor.someFailed', { count: 2 }),
    );
    expect(t('doctor.someFailed', { count: 2 })).toContain('2');
  });
});
