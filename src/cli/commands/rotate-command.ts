import type { Core } from '@core/core';
import { type RotationPoint, rotateCredential } from '@core/rotation/rotate-credential';
import { MAIN_CREDENTIAL } from '@shared/verify';
import { failurePhrases } from '@shared/verify-summary';
import { EXIT_FAILED, EXIT_OK, printJson } from '../output';
import { type CliArgs, UsageError } from '../parse-args';
import { readPassword } from './verify-command';
import { crashHook } from '../test-crash-hook';
import type { CommandContext } from '../command-table';

/**
 * `ponte rotate ACCOUNT [--credential ID] --password-stdin`: the new app password checked on every service
 * that uses it, then put in place everywhere in one step (see rotate-credential.ts); exit 1 when a service
 * refused it (nothing changed then).
 */
export async function rotateCommand(
  core: Core,
  { rest, options }: CliArgs,
  context: CommandContext,
): Promise<number> {
  const { io, t, json } = context;
  const [id] = rest;
  if (!id) throw new UsageError(t('rotate.usage'));
  const credentialId = typeof options.credential === 'string' ? options.credential : MAIN_CREDENTIAL;
  const password = await readPassword(options, context);
  const rotation = await rotateCredential(
    { store: core.accounts, dataDir: core.dataDir },
    id,
    credentialId,
    password,
    {
      onPoint: crashHook<RotationPoint>(io.env),
    },
  );
  if (json) printJson(io, { saved: rotation.saved, results: rotation.results, notes: rotation.notes });
  else if (rotation.saved) {
    io.out(t('rotate.saved'));
    for (const note of rotation.notes) io.out(`  ${t(`rotate.notes.${note}`)}`);
  } else {
    io.err(t('rotate.notSaved'));
    for (const result of rotation.results.filter((entry) => entry.status !== 'ok')) {
      const { title } = failurePhrases(result);
      io.err(`  ${t(`verify.services.${result.service}`)}: ${t(`verify.${title.key}`, title.params ?? {})}`);
    }
  }
  return rotation.saved ? EXIT_OK : EXIT_FAILED;
}
