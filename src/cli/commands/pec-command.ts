import { readFile, stat } from 'node:fs/promises';
import type { TFunction } from 'i18next';
import type { Core } from '@core/core';
import { inspectPecMessage, MAX_PEC_MESSAGE_BYTES } from '@core/pec/inspect-pec';
import type { PecInspection } from '@shared/pec';
import { EXIT_FAILED, EXIT_OK, printJson } from '../output';
import { type CommandOptionValues, UsageError } from '../parse-args';
import type { VerifyContext } from './verify-command';

/** `ponte pec inspect FILE`. */
export async function pecCommand(
  _core: Core,
  rest: string[],
  _options: CommandOptionValues,
  context: VerifyContext,
): Promise<number> {
  const [action, target] = rest;
  if (action === 'inspect' && target) return inspectCommand(target, context);
  throw new UsageError(context.t('pec.usage'));
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

/** "2026-11-23T10:15:07+01:00" → "2026-11-23 10:15:07 +01:00": the provider's own clock, as certified. */
const certifiedTime = (iso: string): string => iso.replace('T', ' ').replace(/([+-]\d{2}:\d{2})$/, ' $1');

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
