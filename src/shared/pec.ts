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
