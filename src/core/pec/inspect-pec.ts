import { simpleParser, type Attachment, type ParsedMail } from 'mailparser';
import { mimePartTypes } from './mime-part-types';
import {
  PEC_RECEIPT_KINDS,
  type PecCertData,
  type PecInspection,
  type PecKind,
  type PecProblem,
  type PecWarning,
} from '@shared/pec';
import { parseDaticert } from './daticert';
import { signerSubject } from './smime-signer';

/** RFC 6109 §3.1.1: providers refuse messages over 30 MB; receipts are far smaller. Anything bigger is not one. */
export const MAX_PEC_MESSAGE_BYTES = 64 * 1024 * 1024;

const invalid = (problem: PecProblem, reason: string): PecInspection => ({ valid: false, problem, reason });

const headerText = (mail: ParsedMail, name: string): string | undefined => {
  const value = mail.headers.get(name);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
};

/** By headers alone, as the technical rules say: X-Ricevuta names a receipt or notice, X-Trasporto an envelope.
 *  The subject line is for people and is never read. */
function kindFromHeaders(mail: ParsedMail): PecKind | PecInspection {
  const receipt = headerText(mail, 'x-ricevuta')?.toLowerCase();
  if (receipt !== undefined) {
    return (PEC_RECEIPT_KINDS as readonly string[]).includes(receipt)
      ? (receipt as PecKind)
      : invalid('unknown-kind', `X-Ricevuta "${receipt}" is not a PEC receipt type`);
  }
  const transport = headerText(mail, 'x-trasporto')?.toLowerCase();
  if (transport === 'posta-certificata') return 'posta-certificata';
  if (transport === 'errore') return 'anomalia';
  if (transport !== undefined)
    return invalid('unknown-kind', `X-Trasporto "${transport}" is not a PEC envelope type`);
  return invalid('not-pec', 'no X-Ricevuta or X-Trasporto header: not a PEC message');
}

/** mailparser's contentType is not always a string (an empty Content-Type header; found by fuzzing). */
const typeOf = (attachment: Attachment): string => {
  const type: unknown = attachment.contentType;
  return typeof type === 'string' ? type.toLowerCase() : '';
};

const isNamed = (attachment: Attachment, name: string): boolean =>
  attachment.filename?.toLowerCase() === name;

function signatureOf(mail: ParsedMail): { present: boolean; signer?: string } {
  const contentType = mail.headers.get('content-type') as { value?: string } | undefined;
  if (contentType?.value?.toLowerCase() !== 'multipart/signed') return { present: false };
  const part = mail.attachments.find((a) => /^application\/(x-)?pkcs7-signature$/i.test(typeOf(a)));
  if (!part) return { present: false };
  const signer = signerSubject(part.content);
  return signer === undefined ? { present: true } : { present: true, signer };
}

/** The certification data must agree with the header and with itself: never a "delivered" that says otherwise. */
function contradiction(kind: PecKind, data: PecCertData): PecInspection | undefined {
  const expected = kind === 'anomalia' ? undefined : kind;
  if (expected !== undefined && data.type !== expected) {
    return invalid('type-mismatch', `the header says ${expected} but daticert.xml says ${data.type}`);
  }
  if (kind === 'avvenuta-consegna') {
    if (data.error !== 'nessuno')
      return invalid('contradiction', `a delivery receipt with errore "${data.error}"`);
    if (!data.deliveredTo) {
      return invalid('contradiction', 'a delivery receipt that does not say where it delivered (consegna)');
    }
  }
  if ((kind === 'errore-consegna' || kind === 'non-accettazione') && data.error === 'nessuno') {
    return invalid('contradiction', `a ${kind} notice with errore "nessuno"`);
  }
  return undefined;
}

/**
 * What a message from a PEC box is: a receipt, a notice, an envelope, or not a valid PEC message. Tolerant of
 * what providers really send (a DOCTYPE line, no msgid, several recipients, Aruba's errore "altro"), strict
 * about what it concludes: anything missing or contradictory makes it invalid, never a false "delivered".
 */
export async function inspectPecMessage(raw: Buffer): Promise<PecInspection> {
  if (raw.length > MAX_PEC_MESSAGE_BYTES)
    return invalid('too-large', `${raw.length} bytes is more than any PEC message`);
  let mail: ParsedMail;
  try {
    mail = await simpleParser(raw, { skipHtmlToText: true, skipTextToHtml: true, skipImageLinks: true });
  } catch (error) {
    return invalid('not-mail', `not a mail message (${(error as Error).message})`);
  }
  if (mail.headers.size === 0) return invalid('not-mail', 'not a mail message (no headers)');
  const kind = kindFromHeaders(mail);
  if (typeof kind !== 'string') return kind;

  const datiCerts = mail.attachments.filter((a) => isNamed(a, 'daticert.xml'));
  if (datiCerts.length > 1) return invalid('bad-daticert', 'more than one daticert.xml');
  const [datiCert] = datiCerts;
  // The anomaly envelope certifies nothing; every other PEC message carries its certification data.
  if (!datiCert && kind !== 'anomalia')
    return invalid('no-daticert', `a ${kind} message without daticert.xml`);
  let certData: PecCertData | undefined;
  if (datiCert) {
    const parsed = parseDaticert(datiCert.content);
    if (!parsed.ok) return invalid('bad-daticert', parsed.reason);
    certData = parsed.data;
    const wrong = contradiction(kind, certData);
    if (wrong) return wrong;
  }
  const carriesOriginal =
    mail.attachments.some((a) => isNamed(a, 'postacert.eml') || typeOf(a) === 'message/rfc822') ||
    (await mimePartTypes(raw).catch((): string[] => [])).includes('message/rfc822');
  if (kind === 'posta-certificata' && !carriesOriginal) {
    return invalid('no-original', 'a transport envelope without the certified message (postacert.eml)');
  }

  const signature = signatureOf(mail);
  const warnings: PecWarning[] = [];
  if (!signature.present) warnings.push('unsigned');
  else if (signature.signer === undefined) warnings.push('signer-unknown');
  if (certData && certData.msgid === undefined) warnings.push('no-msgid');
  const refersTo = headerText(mail, 'x-riferimento-message-id');
  return {
    valid: true,
    kind,
    virus: kind === 'rilevazione-virus' || certData?.error === 'virus',
    subject: mail.subject ?? '',
    ...(refersTo ? { refersTo } : {}),
    ...(certData ? { certData } : {}),
    signature,
    carriesOriginal,
    warnings,
  };
}
