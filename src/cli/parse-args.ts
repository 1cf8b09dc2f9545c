import { parseArgs } from 'node:util';
import { LANGUAGES } from '@shared/i18n/languages';

export interface CliArgs {
  command: string | undefined;
  rest: string[];
  json: boolean;
  help: boolean;
  version: boolean;
  lang: string | undefined;
}

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Global options may appear anywhere; the first positional is the command. */
export function parseCliArgs(argv: readonly string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
        lang: { type: 'string' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.lang !== undefined && !(LANGUAGES as readonly string[]).includes(values.lang)) {
    throw new UsageError(`Unsupported language "${values.lang}" (use ${LANGUAGES.join(', ')})`);
  }
  return {
    command: positionals[0],
    rest: positionals.slice(1),
    json: values.json,
    help: values.help,
    version: values.version,
    lang: values.lang,
  };
}
