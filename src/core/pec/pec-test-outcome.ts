import type { PecInspection, PecRecipientOutcome, PecTestReport } from '@shared/pec';

type Valid = Extract<PecInspection, { valid: true }>;

export type PecTestState = Pick<
  PecTestReport,
  'outcome' | 'acceptance' | 'nonAcceptance' | 'recipients' | 'envelopeReceived' | 'ignored'
> & {
  /** Nothing more will come: refused, or every PEC recipient has its answer. */
  finished: boolean;
};

const same = (a: string, b: string | undefined): boolean => a.toLowerCase() === b?.toLowerCase();

/**
 * Where a test PEC stands, from the messages in the sender's box that refer to it. The acceptance receipt
 * says which recipients are PEC boxes (destinatari tipo) — its provider knows, Ponte does not guess; only
 * those get a delivery receipt, the others are ordinary mail (RFC 6109 §3: PEC to ordinary mail is accepted,
 * never certified as delivered). Invalid messages are counted and ignored, never taken as a receipt.
 */
export function pecTestState(found: readonly PecInspection[], to: readonly string[]): PecTestState {
  const receipts = found.filter((entry): entry is Valid => entry.valid);
  const ignored = found.length - receipts.length;
  const envelopeReceived = receipts.some((receipt) => receipt.kind === 'posta-certificata');
  const refusal = receipts.find((receipt) => receipt.kind === 'non-accettazione');
  if (refusal?.certData) {
    const data = refusal.certData;
    return {
      outcome: 'not-accepted',
      finished: true,
      nonAcceptance: {
        at: data.at,
        issuer: data.issuer,
        error: data.error,
        virus: refusal.virus,
        ...(data.errorDetail ? { detail: data.errorDetail } : {}),
      },
      recipients: to.map((address) => ({ address, status: 'failed' })),
      envelopeReceived,
      ignored,
    };
  }
  const accepted = receipts.find((receipt) => receipt.kind === 'accettazione')?.certData;
  if (!accepted) {
    return {
      outcome: 'no-acceptance',
      finished: false,
      recipients: to.map((address) => ({ address, status: 'waiting' })),
      envelopeReceived,
      ignored,
    };
  }
  const about = (kind: Valid['kind'], address: string): Valid | undefined =>
    receipts.find((receipt) => receipt.kind === kind && same(address, receipt.certData?.deliveredTo));
  const recipients = accepted.recipients.map((recipient): PecRecipientOutcome => {
    const { address } = recipient;
    if (recipient.type === 'esterno') return { address, status: 'ordinary' };
    const delivered = about('avvenuta-consegna', address)?.certData;
    if (delivered) return { address, status: 'delivered', at: delivered.at, issuer: delivered.issuer };
    const failed = about('errore-consegna', address)?.certData;
    if (failed) {
      return {
        address,
        status: 'failed',
        at: failed.at,
        issuer: failed.issuer,
        error: failed.error,
        ...(failed.errorDetail ? { detail: failed.errorDetail } : {}),
      };
    }
    return about('preavviso-errore-consegna', address)
      ? { address, status: 'waiting', delayed: true }
      : { address, status: 'waiting' };
  });
  const has = (status: PecRecipientOutcome['status']): boolean => recipients.some((r) => r.status === status);
  const waiting = has('waiting');
  return {
    outcome: has('failed')
      ? 'not-delivered'
      : waiting
        ? 'no-delivery'
        : has('delivered')
          ? 'delivered'
          : 'accepted-ordinary',
    finished: !waiting,
    acceptance: { at: accepted.at, issuer: accepted.issuer },
    recipients,
    envelopeReceived,
    ignored,
  };
}
