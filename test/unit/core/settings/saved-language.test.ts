import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { peekSavedLanguage } from '@core/settings/saved-language';
import { SettingsStore } from '@core/settings/settings-store';
import { useTempDir } from '../../../support/use-temp-dir';

const dir = useTempDir('ponte-saved-language-');

describe('the saved language, read before any command loads', () => {
  it('is the language SettingsStore saved', async () => {
    await new SettingsStore(dir()).update({ language: 'it' });
    expect(await peekSavedLanguage(dir())).toBe('it');
  });

  it('is undefined for "auto", no file, a damaged file or a language Ponte does not speak', async () => {
    expect(await peekSavedLanguage(dir())).toBeUndefined();
    await new SettingsStore(dir()).update({ language: 'auto' });
    expect(await peekSavedLanguage(dir())).toBeUndefined();
    for (const text of ['{"schemaVersion":1,"data":{"language":"xx"}}', '{not json', 'null', '[]']) {
      await writeFile(join(dir(), 'settings.json'), text);
      expect(await peekSavedLanguage(dir()), text).toBeUndefined();
    }
  });
});
