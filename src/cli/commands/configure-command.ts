import { resolve } from 'node:path';
import type { TFunction } from 'i18next';
import type { Core } from '@core/core';
import { PonteError } from '@core/errors/ponte-error';
import { configureTarget, detectTargets, unconfigureTarget } from '@core/targets/configure-target';
import QRCode from 'qrcode';
import { autoconfigXml } from '@core/targets/autoconfig-export';
import { davx5Link } from '@core/targets/davx5-link';
import { assertProfileInstallable, openProfileForInstall } from '@core/targets/install-profile';
import { accountMobileconfig, mobileconfigFileName } from '@core/targets/mobileconfig';
import { reconnectDrives } from '@core/targets/reconnect-drives';
import { writeFileAtomic } from '@core/storage/atomic-write';
import { type PlanStep, TARGET_KINDS, type TargetKind } from '@shared/targets';
import { EXIT_FAILED, EXIT_OK, printJson } from '../output';
import { type CliArgs, type CommandOptionValues, UsageError } from '../parse-args';
import type { VerifyContext } from './verify-command';
import type { CommandContext } from '../command-table';

const TARGETS = [...TARGET_KINDS, 'mobileconfig', 'autoconfig', 'davx5'];

/** `ponte configure ID --target mount|thunderbird|evolution|… [--dry-run]` and `ponte configure ID --list`. */
export const configureCommand = (core: Core, args: CliArgs, context: CommandContext): Promise<number> =>
  setUpOrUndo(core, false, args, context);

/** `ponte unconfigure ID --target …`. */
export const unconfigureCommand = (core: Core, args: CliArgs, context: CommandContext): Promise<number> =>
  setUpOrUndo(core, true, args, context);

async function setUpOrUndo(
  core: Core,
  undo: boolean,
  { rest, options }: CliArgs,
  context: CommandContext,
): Promise<number> {
  const { io, t, json } = context;
  const [id] = rest;
  const target = options.target;
  const targetContext = { store: core.accounts, dataDir: core.dataDir };
  if (id && !undo && options.list === true) return await listTargets(core, id, context);
  if (!id || typeof target !== 'string') throw new UsageError(t('configure.cli.usage'));
  if (!TARGETS.includes(target))
    throw new UsageError(t('configure.cli.unknownTarget', { targets: TARGETS.join(', ') }));
  const progress = (step: PlanStep): void => {
    if (!json) io.out(`  … ${describeStep(step, t)}`);
  };
  if (target === 'davx5') return await showDavx5(core, id, undo, context);
  if (target === 'mobileconfig' || target === 'autoconfig') {
    return await exportFile(core, id, target, undo, options, context);
  }
  const kind = target as TargetKind;
  if (undo) {
    const outcome = await unconfigureTarget(targetContext, id, kind, { onStep: progress });
    if (json) printJson(io, outcome);
    else {
      io.out(outcome.changed ? t('configure.cli.undone') : t('configure.cli.nothingToUndo'));
      for (const note of outcome.notes) io.out(`  ${note}`);
    }
    return EXIT_OK;
  }
  const dryRun = options['dry-run'] === true;
  const outcome = await configureTarget(targetContext, id, kind, {
    dryRun,
    onStep: progress,
    ...(typeof options.profile === 'string' ? { profileDir: resolve(options.profile) } : {}),
    ...(typeof options['drive-letter'] === 'string' ? { driveLetter: options['drive-letter'] } : {}),
  });
  if (json) {
    printJson(io, {
      changed: outcome.changed,
      location: outcome.location,
      warnings: outcome.plan.warnings,
      ...(dryRun ? { plan: outcome.plan } : {}),
    });
    return EXIT_OK;
  }
  if (dryRun) {
    io.out(t('configure.cli.plan'));
    for (const step of outcome.plan.steps) io.out(`  ${describeStep(step, t)}`);
    io.out(t('configure.cli.undoPlan'));
    for (const step of outcome.plan.undo) io.out(`  ${describeStep(step, t)}`);
  } else {
    io.out(
      outcome.changed
        ? t(`targets.done.${kind}`, { location: outcome.location })
        : t('configure.cli.already', { location: outcome.location }),
    );
  }
  for (const warning of outcome.plan.warnings) io.out(t(`configure.warnings.${warning}`));
  return EXIT_OK;
}

/** `--list`: where this account can be set up here, and where it already is. */
async function listTargets(core: Core, id: string, { io, t, json }: VerifyContext): Promise<number> {
  const found = await detectTargets({ store: core.accounts, dataDir: core.dataDir }, id);
  if (json) printJson(io, found);
  else {
    for (const entry of found) {
      const state = entry.configured
        ? t('targets.state.configured')
        : entry.available
          ? t('targets.state.available')
          : t(`targets.state.${entry.reason ?? 'notInstalled'}`);
      io.out(`${entry.target.padEnd(12)} ${state}${entry.location ? `  ${entry.location}` : ''}`);
    }
  }
  return EXIT_OK;
}

/** `ponte reconnect`: the drives Ponte connected here and GVfs forgot (at logout); exit 1 if one failed. */
export async function reconnectCommand(
  core: Core,
  _args: CliArgs,
  { io, t, json }: CommandContext,
): Promise<number> {
  const outcomes = await reconnectDrives(core.accounts);
  if (json) printJson(io, outcomes);
  else if (outcomes.length === 0) io.out(t('configure.reconnect.none'));
  else {
    for (const outcome of outcomes) {
      const line = t(`configure.reconnect.${outcome.status}`, {
        location: outcome.location,
        message: outcome.message ?? '',
      });
      if (outcome.status === 'failed') io.err(line);
      else io.out(line);
    }
  }
  return outcomes.some((outcome) => outcome.status === 'failed') ? EXIT_FAILED : EXIT_OK;
}

/** One step in words; a command is shown as it will run (it never holds the password). */
function describeStep(step: PlanStep, t: TFunction): string {
  switch (step.kind) {
    case 'require':
      return t('configure.steps.require', { program: step.program, package: step.package });
    case 'run':
      return [
        step.command.join(' '),
        ...(step.stdin === 'password' ? [t('configure.steps.passwordOnStdin')] : []),
        ...(step.optional ? [t('configure.steps.optional')] : []),
      ].join(' ');
    case 'require-service':
      return t('configure.steps.requireService');
    case 'require-free-drive':
      return t('configure.steps.requireFreeDrive', { letter: step.letter });
    case 'add-line':
      return t('configure.steps.addLine', { file: step.file });
    case 'remove-line':
      return t('configure.steps.removeLine', { file: step.file });
    case 'store-credential':
      return t('configure.steps.storeCredential', { server: step.server, user: step.username });
    case 'remove-credential':
      return t('configure.steps.removeCredential', { server: step.server, user: step.username });
    case 'require-closed':
      return t('configure.steps.requireClosed', { profile: step.profile });
    case 'backup-file':
      return t('configure.steps.backupFile', { file: step.file, folder: step.to });
    case 'set-prefs':
      return t('configure.steps.setPrefs', { count: step.prefs.length, file: step.file });
    case 'remove-profile-data':
      return t('configure.steps.removeProfileData', { profile: step.profile });
    case 'remove-prefs':
      return t('configure.steps.removePrefs', { file: step.file });
    case 'write-file':
      return t('configure.steps.writeFile', { file: step.file });
    case 'remove-file':
      return t('configure.steps.removeFile', { file: step.file });
  }
}

/**
 * The file targets: `mobileconfig` (for a Mac, or to carry to an iPhone; with --with-password the passwords are
 * inside and the file is readable by its owner only) and `autoconfig` (Mozilla's format, for IT to publish;
 * never a password).
 */
async function exportFile(
  core: Core,
  id: string,
  target: 'mobileconfig' | 'autoconfig',
  undo: boolean,
  options: CommandOptionValues,
  { io, t, json }: VerifyContext,
): Promise<number> {
  if (undo) throw new UsageError(t(`configure.cli.${target}Undo`));
  const withPassword = target === 'mobileconfig' && options['with-password'] === true;
  const account = await core.accounts.get(id);
  const out = resolve(
    typeof options.out === 'string'
      ? options.out
      : target === 'mobileconfig'
        ? mobileconfigFileName(account)
        : 'config-v1.1.xml',
  );
  const body =
    target === 'mobileconfig'
      ? await accountMobileconfig(core.accounts, id, withPassword)
      : autoconfigXml(account);
  const install = target === 'mobileconfig' && options.install === true;
  if (install) assertProfileInstallable(process.platform);
  await writeFileAtomic(out, body, withPassword ? 0o600 : 0o644);
  if (install) await openProfileForInstall(out, process.platform);
  if (json) printJson(io, { written: out, withPassword, ...(install ? { opened: true } : {}) });
  else {
    const key =
      target === 'autoconfig' ? 'autoconfigWritten' : withPassword ? 'profileWithPassword' : 'profileWritten';
    io.out(t(`configure.cli.${key}`, { file: out }));
    if (install) io.out(t('configure.cli.profileOpened', { name: `${account.displayName} (Ponte)` }));
  }
  return EXIT_OK;
}

/** `--target davx5`: the link DAVx⁵ opens with the login filled in, and the same as a QR code to scan. */
async function showDavx5(
  core: Core,
  id: string,
  undo: boolean,
  { io, t, json }: VerifyContext,
): Promise<number> {
  if (undo) throw new UsageError(t('configure.cli.davx5Undo'));
  const link = davx5Link(await core.accounts.get(id));
  if (!link) throw new PonteError('INVALID_INPUT', t('configure.cli.davx5None'));
  if (json) printJson(io, { link });
  else {
    io.out(t('configure.cli.davx5', { link }));
    io.out(await QRCode.toString(link, { type: 'terminal', small: true }));
  }
  return EXIT_OK;
}
