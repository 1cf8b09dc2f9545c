import type { WireError } from './error-codes';

// Italian certified mail (PEC), as DPCM 2 Nov 2005 / RFC 6109 describe it: what a message found in a PEC box
// is, and what `pec inspect` / `pec test` report. Types only; the parser is in core.

/** Receipts and notices carry `X-Ricevuta: <kind>`; envelopes carry `X-Trasporto`. */
export const PEC_RECEIPT_KINDS = [
  'accettazione',
  'non-accettazione',
  'presa-in-carico',
  'avvenuta-consegna',
  'errore-consegna',
  'preavviso-errore-consegna',
  'rilevazione-virus',
] as const;

export type PecReceiptKind = (typeof PEC_RECEIPT_KINDS)[number];

/** `posta-certificata`: the transport envelope around a certified message; `anomalia`: the recipient's
 *  provider wrapped something it could not certify (ordinary mail, a broken signature). */
export type PecKind = PecReceiptKind | 'posta-certificata' | 'anomalia';

export const PEC_ERRORS = ['nessuno', 'no-dest', 'no-dominio', 'virus', 'altro'] as const;
export type PecError = (typeof PEC_ERRORS)[number];

export interface PecRecipient {
  address: string;
  /** `certificato`: a PEC box; `esterno`: ordinary mail, which gets no delivery receipt. */
  type: 'certificato' | 'esterno';
}

/** daticert.xml, the certification data every receipt and envelope carries. */
export interface PecCertData {
  type: string;
  error: PecError;
  sender: string;
  recipients: PecRecipient[];
  replyTo: string;
  subject?: string;
  /** The provider that issued it (gestore emittente). */
  issuer: string;
  /** The certified instant, ISO 8601 with the zone it was given in. */
  at: string;
  /** The provider's own message id (identificativo). */
  id?: string;
  /** The Message-ID of the original message; some providers leave it out. */
  msgid?: string;
  receiptType?: 'completa' | 'breve' | 'sintetica';
  /** The address a delivery receipt (or error) is about. */
  deliveredTo?: string;
  receivedFrom?: string[];
  /** The provider's own words for an error, e.g. "5.1.1 - indirizzo non valido". */
  errorDetail?: string;
}

export interface PecSignature {
  present: boolean;
  /** The signer certificate's subject, e.g. "CN=posta-certificata@pec.aruba.it, O=Aruba PEC S.p.A., C=IT".
   *  Presence and signer are reported; the signature is not checked against the providers' trust list. */
  signer?: string;
}

/** Why a message is not a valid PEC message (the English detail says exactly what was wrong). */
export const PEC_PROBLEMS = [
  'not-mail',
  'too-large',
  'not-pec',
  'unknown-kind',
  'no-daticert',
  'bad-daticert',
  'type-mismatch',
  'contradiction',
  'no-original',
] as const;
export type PecProblem = (typeof PEC_PROBLEMS)[number];

/** What a person should know about a valid one: unsigned, its signer's certificate not inside, no msgid. */
export type PecWarning = 'unsigned' | 'signer-unknown' | 'no-msgid';

export type PecInspection =
  | {
      valid: true;
      kind: PecKind;
      /** A virus was involved (non-acceptance or delivery error for a virus, virus detection). */
      virus: boolean;
      subject: string;
      /** The original message's Message-ID the receipt refers to (X-Riferimento-Message-ID). */
      refersTo?: string;
      /** Absent for an anomaly envelope, which certifies nothing. */
      certData?: PecCertData;
      signature: PecSignature;
      /** The certified message inside an envelope (postacert.eml) is there. */
      carriesOriginal: boolean;
      warnings: PecWarning[];
    }
  | { valid: false; problem: PecProblem; reason: string };

/** Where one recipient of a test PEC stands. `ordinary`: not a PEC box, so no delivery receipt will come. */
export type PecDeliveryStatus = 'delivered' | 'failed' | 'waiting' | 'ordinary';

export interface PecRecipientOutcome {
  address: string;
  status: PecDeliveryStatus;
  at?: string;
  issuer?: string;
  error?: PecError;
  detail?: string;
  /** The recipient's provider warned it is still trying (preavviso di mancata consegna). */
  delayed?: boolean;
}

/**
 * How a test PEC ended: `delivered` every PEC recipient has its delivery receipt; `accepted-ordinary` only
 * ordinary-mail recipients, for whom acceptance is all PEC gives; `not-accepted` the provider refused it;
 * `not-delivered` a recipient's provider could not deliver; `no-acceptance` / `no-delivery` the wait ended
 * first; `send-failed` it never left (the code says why).
 */
export type PecTestOutcome =
  | 'delivered'
  | 'accepted-ordinary'
  | 'not-accepted'
  | 'not-delivered'
  | 'no-acceptance'
  | 'no-delivery'
  | 'send-failed';

export interface PecTestReport {
  outcome: PecTestOutcome;
  messageId: string;
  to: string[];
  sentAt?: string;
  acceptance?: { at: string; issuer: string };
  nonAcceptance?: { at: string; issuer: string; error: PecError; detail?: string; virus: boolean };
  recipients: PecRecipientOutcome[];
  /** Sent to itself: the certified message arrived in the box too (busta di trasporto). */
  envelopeReceived: boolean;
  /** Messages that referred to the test but were not valid PEC receipts; never counted. */
  ignored: number;
  sendError?: { code: string; message: string; detail?: string };
  waitedSeconds: number;
}

export type PecTestProgress =
  | { step: 'sending' }
  | { step: 'sent' }
  | { step: 'accepted'; at: string }
  | { step: 'delivered'; address: string }
  | { step: 'not-delivered'; address: string }
  | { step: 'waiting'; seconds: number; limitSeconds: number };

/** "2026-11-23T10:15:07+01:00" → "2026-11-23 10:15:07 +01:00": the provider's own clock, as certified. */
export const certifiedTime = (iso: string): string =>
  iso.replace('T', ' ').replace(/([+-]\d{2}:\d{2})$/, ' $1');

/** A test PEC as the app follows it (pec:test-start / pec:test-status). */
export interface PecTestStatus {
  operationId: string;
  version: number;
  done: boolean;
  /** What happened so far, in order; the wait is one entry, updated. */
  steps: PecTestProgress[];
  report: PecTestReport | null;
  /** It could not run (no such account, a locked keychain, the inbox unreadable). */
  error: WireError | null;
}
