import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isLanguage, type Language } from '@shared/i18n/languages';

/**
 * The language chosen in the app, read from settings.json without loading the settings schema (zod): the CLI
 * needs it for `--help` and usage errors before any command loads. A file that is missing, damaged or says
 * "auto" gives undefined; SettingsStore stays the one reader that judges, backs up and repairs the file.
 */
export async function peekSavedLanguage(dataDir: string): Promise<Language | undefined> {
  try {
    const document: unknown = JSON.parse(await readFile(join(dataDir, 'settings.json'), 'utf8'));
    const language = (document as { data?: { language?: unknown } } | null)?.data?.language;
    return typeof language === 'string' && isLanguage(language) ? language : undefined;
  } catch {
    return undefined;
  }
}
