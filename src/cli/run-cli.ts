import type { Core } from '@core/core';
import { resolveDataDir } from '@core/paths/data-dir';
import { peekSavedLanguage } from '@core/settings/saved-language';
import { homedir } from 'node:os';
import { createTranslator } from '@shared/i18n/translator';
import { chooseCliLanguage } from './cli-i18n';
import { PonteError } from '@core/errors/ponte-error';
import type { TFunction } from 'i18next';
import { setStorageCrashHook } from '@core/storage/crash-points';
import { crashHook } from './test-crash-hook';
import { closeDataFolderLog, openDataFolderLog } from '@core/log/data-folder-log';
import { addLogSink, logFor } from '@core/log/logger';
import { COMMANDS } from './command-table';
import { EXIT_FAILED, EXIT_USAGE, printJson, type CliIo } from './output';
import { type CliArgs, parseCliArgs, UsageError } from './parse-args';

export interface CliContext {
  io: CliIo;
  appRoot: string;
  version: string;
  /** Tests pass a core of their own; otherwise one is built on the data folder. */
  core?: Core;
}

const log = logFor('cli');

/** Runs one `ponte` invocation and returns its exit code (0 ok, 1 failed, 2 usage). */
export async function runCli(argv: readonly string[], context: CliContext): Promise<number> {
  const { io } = context;
  setStorageCrashHook(crashHook(io.env));
  let args;
  try {
    args = parseCliArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    const t = await createTranslator(chooseCliLanguage(undefined, await savedLanguage(context), io.env));
    return usageError(io, argv.includes('--json'), t('cli.badOption', { message: error.message }));
  }
  // Before anything else is read or loaded: schedulers and installers ask for the version.
  if (args.version) {
    if (args.json) printJson(io, { version: context.version });
    else io.out(context.version);
    return 0;
  }

  // After --version: a scheduler asking for it should not even open the log.
  openDataFolderLog(context.core?.dataDir ?? dataDirOf(io));
  const stopVerbose = args.verbose ? addLogSink((line) => io.err(line), 'debug') : undefined;
  try {
    return await runCommand(args, context);
  } finally {
    stopVerbose?.();
    // Tests run many commands in one process, each on its own data folder.
    closeDataFolderLog();
  }
}

async function runCommand(args: CliArgs, context: CliContext): Promise<number> {
  const { io } = context;
  const language = chooseCliLanguage(args.lang, await savedLanguage(context), io.env);
  const t = await createTranslator(language);
  if (args.help) {
    io.out(t('cli.usage'));
    return 0;
  }
  if (args.command === undefined) return usageError(io, args.json, t('cli.missingCommand'));
  const entry = COMMANDS[args.command];
  if (!entry) return usageError(io, args.json, t('cli.unknownCommand', { command: args.command }));

  try {
    const [run, core] = await Promise.all([entry.load(), context.core ?? coreFor(context)]);
    if (entry.readsPasswords) {
      // A password change a crash interrupted is finished or taken back before anything reads a password.
      const { resumeRotations } = await import('@core/rotation/resume-rotations');
      for (const resumed of await resumeRotations({ store: core.accounts, dataDir: core.dataDir })) {
        io.err(t(`rotate.resumed.${resumed.outcome}`));
      }
    }
    return await run(core, args, {
      io,
      t,
      json: args.json,
      language,
      appRoot: context.appRoot,
      version: context.version,
    });
  } catch (error) {
    if (error instanceof UsageError) return usageError(io, args.json, error.message);
    // Every command's operations fail the same way: the translated title, then the details.
    if (error instanceof PonteError) {
      // Shown to the person now; kept for the support report, which is read later.
      log.info(`ponte ${args.command} failed`, error);
      return operationFailed(io, args.json, t, error);
    }
    log.error(`ponte ${args.command} failed unexpectedly`, error);
    throw error;
  }
}

async function coreFor(context: CliContext): Promise<Core> {
  const { createCore } = await import('@core/core');
  return createCore({ dataDir: dataDirOf(context.io), appRoot: context.appRoot, env: context.io.env });
}

const dataDirOf = (io: CliIo): string =>
  resolveDataDir({ env: io.env, platform: process.platform, home: homedir() });

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
async function savedLanguage(context: CliContext): Promise<string | undefined> {
  return peekSavedLanguage(context.core?.dataDir ?? dataDirOf(context.io));
}
