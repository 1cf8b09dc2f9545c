import { parseArgs, type ParseArgsConfig } from 'node:util';
import { LANGUAGES } from '@shared/i18n/languages';

export type CommandOptionValues = Record<string, string | boolean | undefined>;

export interface CliArgs {
  command: string | undefined;
  rest: string[];
  json: boolean;
  help: boolean;
  version: boolean;
  lang: string | undefined;
  /** Log lines (scrubbed of secrets) also go to stderr, debug ones included. */
  verbose: boolean;
  /** The command's own options (e.g. verify's --imap), already checked to belong to it. */
  options: CommandOptionValues;
}

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

type OptionSpecs = NonNullable<ParseArgsConfig['options']>;

const globalOptions: OptionSpecs = {
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  version: { type: 'boolean', short: 'v', default: false },
  lang: { type: 'string' },
  verbose: { type: 'boolean', default: false },
};

/** Every command's own options. There is deliberately no option that takes a password. */
const serviceOptions: OptionSpecs = {
  imap: { type: 'string' },
  smtp: { type: 'string' },
  caldav: { type: 'string' },
  carddav: { type: 'string' },
  webdav: { type: 'string' },
  'write-test': { type: 'boolean' },
  user: { type: 'string' },
  'password-stdin': { type: 'boolean' },
  ca: { type: 'string' },
  'trust-fingerprint': { type: 'string' },
  timeout: { type: 'string' },
};

export const commandOptions: Record<string, OptionSpecs> = {
  doctor: { report: { type: 'string' } },
  providers: {},
  discover: { provider: { type: 'string' } },
  verify: { account: { type: 'string' }, ...serviceOptions },
  account: {
    ...serviceOptions,
    email: { type: 'string' },
    name: { type: 'string' },
    kind: { type: 'string' },
    lifetime: { type: 'string' },
    credential: { type: 'string' },
    created: { type: 'string' },
    provider: { type: 'string' },
    pec: { type: 'boolean' },
    'two-step': { type: 'string' },
    'undo-targets': { type: 'boolean' },
    'keep-targets': { type: 'boolean' },
  },
  configure: {
    target: { type: 'string' },
    'dry-run': { type: 'boolean' },
    out: { type: 'string' },
    'with-password': { type: 'boolean' },
    profile: { type: 'string' },
    list: { type: 'boolean' },
    'drive-letter': { type: 'string' },
    install: { type: 'boolean' },
  },
  unconfigure: { target: { type: 'string' } },
  reconnect: {},
  expiry: {},
  check: {},
  rotate: { credential: { type: 'string' }, 'password-stdin': { type: 'boolean' } },
  apply: {
    email: { type: 'string' },
    login: { type: 'string' },
    'password-stdin': { type: 'boolean' },
    'dry-run': { type: 'boolean' },
  },
  profile: { organisation: { type: 'string' } },
  pec: {
    to: { type: 'string' },
    timeout: { type: 'string' },
    'older-than': { type: 'string' },
    'dry-run': { type: 'boolean' },
  },
};

const allOptions: OptionSpecs = Object.assign({}, globalOptions, ...Object.values(commandOptions));

/** Global options may appear anywhere; the first positional is the command. */
export function parseCliArgs(argv: readonly string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, strict: true, options: allOptions });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  const command = positionals[0];
  const lang = values.lang as string | undefined;
  if (lang !== undefined && !(LANGUAGES as readonly string[]).includes(lang)) {
    throw new UsageError(`Unsupported language "${lang}" (use ${LANGUAGES.join(', ')})`);
  }
  const own = command === undefined ? {} : (commandOptions[command] ?? {});
  const options: CommandOptionValues = {};
  for (const [name, value] of Object.entries(values)) {
    if (name in globalOptions) continue;
    if (!(name in own)) throw new UsageError(`Option "--${name}" does not belong to "${command ?? ''}"`);
    options[name] = value as string | boolean | undefined;
  }
  return {
    command,
    rest: positionals.slice(1),
    json: values.json === true,
    help: values.help === true,
    version: values.version === true,
    lang,
    verbose: values.verbose === true,
    options,
  };
}

/** A command's option given as text, or undefined when it is absent or a flag. */
export function optionText(options: CommandOptionValues, name: string): string | undefined {
  const value = options[name];
  return typeof value === 'string' ? value : undefined;
}
