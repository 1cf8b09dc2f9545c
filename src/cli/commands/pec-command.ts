import { readFile, stat } from 'node:fs/promises';
import type { TFunction } from 'i18next';
import type { Core } from '@core/core';
import { inspectPecMessage, MAX_PEC_MESSAGE_BYTES } from '@core/pec/inspect-pec';
import { runPecTest } from '@core/pec/pec-test';
import { isMailAddress } from '@shared/mail-address';
import { archiveMailbox, type ArchivePoint } from '@core/pec/archive/archive-mailbox';
import { parseArchiveDestination } from '@core/pec/archive/archive-destination';
import { archivePhrases } from '@shared/pec-archive-text';
import { parseOlderThan } from '@shared/pec-archive';
import { crashHook } from '../test-crash-hook';
import { certifiedTime, type PecInspection } from '@shared/pec';
import { pecProgressPhrase, pecTestPhrases } from '@shared/pec-test-text';
import { EXIT_FAILED, EXIT_OK, printJson, whileInterruptible } from '../output';
import { type CliArgs, type CommandOptionValues, UsageError } from '../parse-args';
import type { VerifyContext } from './verify-command';
import type { CommandContext } from '../command-table';

/** `ponte pec inspect FILE` and `ponte pec test ACCOUNT`. */
export async function pecCommand(
  core: Core,
  { rest, options }: CliArgs,
  context: CommandContext,
): Promise<number> {
  const [action, target] = rest;
  if (action === 'inspect' && target) return inspectCommand(target, context);
  if (action === 'test' && target) return pecTestCommand(core, target, options, context);
  if (action === 'archive' && target) return pecArchiveCommand(core, target, options, context);
  throw new UsageError(context.t('pec.usage'));
}

/**
 * `ponte pec test ACCOUNT [--to ADDRESS[,ADDRESS]] [--timeout SECONDS]`: a test PEC, then its receipts,
 * with progress on stderr. Exit 0 when it was delivered (or accepted, for ordinary-mail recipients), 1 when
 * it was refused, not delivered, or no receipt came in time.
 */
async function pecTestCommand(
  core: Core,
  accountId: string,
  options: CommandOptionValues,
  { io, t, json }: VerifyContext,
): Promise<number> {
  const to = typeof options.to === 'string' ? options.to.split(',').map((entry) => entry.trim()) : undefined;
  const wrong = to?.find((address) => !isMailAddress(address));
  if (wrong !== undefined) throw new UsageError(t('pec.test.badAddress', { address: wrong }));
  const seconds = typeof options.timeout === 'string' ? Number(options.timeout) : undefined;
  if (seconds !== undefined && !(Number.isInteger(seconds) && seconds >= 1 && seconds <= 3600)) {
    throw new UsageError(t('pec.test.badTimeout'));
  }
  const report = await whileInterruptible(io, (signal) =>
    runPecTest(core.accounts, accountId, {
      ...(to ? { to } : {}),
      ...(seconds ? { timeoutMs: seconds * 1000 } : {}),
      message: { subject: t('pec.test.messageSubject'), text: t('pec.test.messageText') },
      signal,
      onProgress: (progress) => {
        if (json) return;
        const phrase = pecProgressPhrase(progress);
        io.err(t(phrase.key, phrase.params ?? {}));
      },
    }),
  );
  if (json) printJson(io, report);
  else for (const phrase of pecTestPhrases(report)) io.out(t(phrase.key, phrase.params ?? {}));
  return report.outcome === 'delivered' || report.outcome === 'accepted-ordinary' ? EXIT_OK : EXIT_FAILED;
}

/**
 * `ponte pec archive ACCOUNT --older-than 90d --to DIR|webdav:ACCOUNT/PATH [--dry-run]`: old messages copied
 * out, checked, then deleted from the server. Exit 0 when every old message moved, 1 when some stayed.
 */
async function pecArchiveCommand(
  core: Core,
  accountId: string,
  options: CommandOptionValues,
  { io, t, json, language }: VerifyContext,
): Promise<number> {
  const days = typeof options['older-than'] === 'string' ? parseOlderThan(options['older-than']) : null;
  const destination = typeof options.to === 'string' ? parseArchiveDestination(options.to) : null;
  if (days === null || destination === null) throw new UsageError(t('pec.archive.usage'));
  const report = await whileInterruptible(io, (signal) =>
    archiveMailbox({ store: core.accounts, dataDir: core.dataDir }, accountId, {
      olderThanDays: days,
      destination,
      dryRun: options['dry-run'] === true,
      signal,
      onPoint: crashHook<ArchivePoint>(io.env),
      onProgress: (progress) => {
        if (json || progress.step !== 'archiving') return;
        io.err(t('pec.archive.progress', { done: progress.done, total: progress.total }));
      },
    }),
  );
  if (json) printJson(io, report);
  else for (const phrase of archivePhrases(report, language)) io.out(t(phrase.key, phrase.params ?? {}));
  return report.failed.length === 0 && !report.stopped ? EXIT_OK : EXIT_FAILED;
}

/**
 * `ponte pec inspect FILE.eml`: what a message someone saved or forwarded is (receipt, notice, envelope) and
 * every certified field. Exit 0 for a valid PEC message, 1 when it is not one.
 */
async function inspectCommand(file: string, { io, t, json }: VerifyContext): Promise<number> {
  let raw: Buffer;
  try {
    if ((await stat(file)).size > MAX_PEC_MESSAGE_BYTES) throw new Error('file too large');
    raw = await readFile(file);
  } catch (error) {
    throw new UsageError(t('pec.cannotRead', { file, message: (error as Error).message }));
  }
  const result = await inspectPecMessage(raw);
  if (json) printJson(io, result);
  else for (const line of describeInspection(result, t)) io.out(line);
  return result.valid ? EXIT_OK : EXIT_FAILED;
}

export function describeInspection(result: PecInspection, t: TFunction): string[] {
  if (!result.valid)
    return [t('pec.invalid', { problem: t(`pec.problems.${result.problem}`) }), `  ${result.reason}`];
  const lines = [t('pec.valid', { kind: t(`pec.kinds.${result.kind}`) })];
  const field = (name: string, value: string | undefined): void => {
    if (value !== undefined && value !== '') lines.push(`  ${t(`pec.fields.${name}`)}: ${value}`);
  };
  const data = result.certData;
  field('subject', result.subject);
  if (data) {
    field('issuer', data.issuer);
    field('at', certifiedTime(data.at));
    field('sender', data.sender);
    for (const recipient of data.recipients) {
      field('recipient', `${recipient.address} (${t(`pec.recipientType.${recipient.type}`)})`);
    }
    field('originalSubject', data.subject);
    field('receiptType', data.receiptType && t(`pec.receiptTypes.${data.receiptType}`));
    field('deliveredTo', data.deliveredTo);
    if (data.error !== 'nessuno') field('error', t(`pec.errors.${data.error}`));
    field('errorDetail', data.errorDetail);
    field('id', data.id);
    field('msgid', data.msgid);
  }
  field('refersTo', result.refersTo);
  field(
    'signature',
    !result.signature.present
      ? t('pec.signature.absent')
      : (result.signature.signer ?? t('pec.signature.signerUnknown')),
  );
  if (result.carriesOriginal) lines.push(`  ${t('pec.carriesOriginal')}`);
  if (result.virus) lines.push(`  ${t('pec.virus')}`);
  for (const warning of result.warnings) lines.push(`  ${t(`pec.warnings.${warning}`)}`);
  return lines;
}
