import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '@shared/i18n/languages';
import { resources } from '@shared/i18n/resources';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();
const english = flatten(resources.en.translation as Tree);

describe.each(LANGUAGES.filter((language) => language !== 'en'))('locale %s', (language) => {
  const messages = flatten(resources[language].translation as Tree);

  it('has exactly the keys of English', () => {
    expect([...messages.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it('keeps every placeholder and translates every string', () => {
    for (const [key, text] of english) {
      const translated = messages.get(key) ?? '';
      expect(placeholders(translated), key).toEqual(placeholders(text));
      expect(translated.trim(), key).not.toBe('');
    }
  });

  it('is a translation, not a copy of English', () => {
    expect(messages.get('home.emptyBody')).not.toBe(english.get('home.emptyBody'));
    expect(messages.get('cli.electronMissing')).not.toBe(english.get('cli.electronMissing'));
  });
});
