import { createCore, type Core } from '@core/core';
import { resolveDataDir } from '@core/paths/data-dir';
import { homedir } from 'node:os';
import { createTranslator } from '@shared/i18n/translator';
import { chooseCliLanguage } from './cli-i18n';
import { doctorCommand } from './commands/doctor-command';
import { PonteError } from '@core/errors/ponte-error';
import type { TFunction } from 'i18next';
import { accountCommand } from './commands/account-command';
import { configureCommand, reconnectCommand } from './commands/configure-command';
import { discoverCommand, providersCommand } from './commands/discovery-commands';
import { checkCommand } from './commands/check-command';
import { expiryCommand } from './commands/expiry-command';
import { pecCommand } from './commands/pec-command';
import { setStorageCrashHook } from '@core/storage/crash-points';
import { crashHook } from './test-crash-hook';
import { applyCommand, profileCommand } from './commands/profile-command';
import { rotateCommand } from './commands/rotate-command';
import { resumeRotations } from '@core/rotation/rotate-credential';
import { verifyCommand } from './commands/verify-command';
import { EXIT_FAILED, EXIT_USAGE, printJson, type CliIo } from './output';
import { parseCliArgs, UsageError } from './parse-args';

export interface CliContext {
  io: CliIo;
  appRoot: string;
  version: string;
  /** Tests pass a core of their own; otherwise one is built on the data folder. */
  core?: Core;
}

/** Runs one `ponte` invocation and returns its exit code (0 ok, 1 failed, 2 usage). */
export async function runCli(argv: readonly string[], context: CliContext): Promise<number> {
  const { io } = context;
  const core =
    context.core ??
    createCore({
      dataDir: resolveDataDir({ env: io.env, platform: process.platform, home: homedir() }),
      appRoot: context.appRoot,
      env: io.env,
    });

  setStorageCrashHook(crashHook(io.env));
  let args;
  try {
    args = parseCliArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    const t = await createTranslator(chooseCliLanguage(undefined, await savedLanguage(core), io.env));
    return usageError(io, argv.includes('--json'), t('cli.badOption', { message: error.message }));
  }

  const language = chooseCliLanguage(args.lang, await savedLanguage(core), io.env);
  const t = await createTranslator(language);
  if (args.version) {
    if (args.json) printJson(io, { version: context.version });
    else io.out(context.version);
    return 0;
  }
  if (args.help) {
    io.out(t('cli.usage'));
    return 0;
  }
  switch (args.command) {
    case 'doctor':
      return doctorCommand(core, {
        io,
        t,
        json: args.json,
        appRoot: context.appRoot,
        version: context.version,
      });
    case 'verify':
    case 'configure':
    case 'unconfigure':
    case 'reconnect':
    case 'expiry':
    case 'check':
    case 'rotate':
    case 'pec':
    case 'apply':
    case 'profile':
    case 'account':
    case 'discover':
    case 'providers':
      try {
        const context = { io, t, json: args.json, language };
        // A password change a crash interrupted is finished or taken back before anything reads a password.
        if (args.command !== 'discover' && args.command !== 'providers') {
          for (const resumed of await resumeRotations({ store: core.accounts, dataDir: core.dataDir })) {
            io.err(t(`rotate.resumed.${resumed.outcome}`));
          }
        }
        if (args.command === 'verify') return await verifyCommand(core, args.options, context);
        if (args.command === 'rotate') return await rotateCommand(core, args.rest, args.options, context);
        if (args.command === 'check') return await checkCommand(core, context);
        if (args.command === 'expiry') return await expiryCommand(core, context);
        if (args.command === 'reconnect') return await reconnectCommand(core, context);
        if (args.command === 'pec') return await pecCommand(core, args.rest, args.options, context);
        if (args.command === 'apply') return await applyCommand(core, args.rest, args.options, context);
        if (args.command === 'profile') return await profileCommand(core, args.rest, args.options, context);
        if (args.command === 'account') return await accountCommand(core, args.rest, args.options, context);
        if (args.command === 'configure' || args.command === 'unconfigure') {
          return await configureCommand(
            core,
            args.command === 'unconfigure',
            args.rest,
            args.options,
            context,
          );
        }
        if (args.command === 'discover') {
          const provider = typeof args.options.provider === 'string' ? args.options.provider : undefined;
          return await discoverCommand(core, args.rest, provider, { io, t, json: args.json, language });
        }
        return await providersCommand(core, { io, t, json: args.json, language });
      } catch (error) {
        if (error instanceof UsageError) return usageError(io, args.json, error.message);
        // Every command's operations fail the same way: the translated title, then the details.
        if (error instanceof PonteError) return operationFailed(io, args.json, t, error);
        throw error;
      }
    case undefined:
      return usageError(io, args.json, t('cli.missingCommand'));
    default:
      return usageError(io, args.json, t('cli.unknownCommand', { command: args.command }));
  }
}

function operationFailed(io: CliIo, json: boolean, t: TFunction, error: PonteError): number {
  if (json) printJson(io, { ok: false, error: error.toWire() });
  else io.err(`${t(`errors.${error.code}.title`, { defaultValue: error.message })}\n${error.message}`);
  return EXIT_FAILED;
}

function usageError(io: CliIo, json: boolean, message: string): number {
  if (json) printJson(io, { ok: false, error: { code: 'USAGE', message } });
  else io.err(message);
  return EXIT_USAGE;
}

/** The language chosen in the app's settings, if any; an unreadable settings file must not break the CLI. */
async function savedLanguage(core: Core): Promise<string | undefined> {
  try {
    const { language } = await core.settings.read();
    return language === 'auto' ? undefined : language;
  } catch {
    return undefined;
  }
}
