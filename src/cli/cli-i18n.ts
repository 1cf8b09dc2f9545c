import { isLanguage, pickLanguage, type Language } from '@shared/i18n/languages';

/** The person's language from the usual POSIX variables, most specific first. */
export function systemLanguages(env: NodeJS.ProcessEnv): string[] {
  return [env.LC_ALL, env.LC_MESSAGES, ...(env.LANGUAGE ?? '').split(':'), env.LANG].filter(
    (value): value is string =>
      typeof value === 'string' && value !== '' && value !== 'C' && value !== 'POSIX',
  );
}

export function chooseCliLanguage(
  flag: string | undefined,
  saved: string | undefined,
  env: NodeJS.ProcessEnv,
): Language {
  if (flag && isLanguage(flag)) return flag;
  if (saved && isLanguage(saved)) return saved;
  return pickLanguage(systemLanguages(env));
}
