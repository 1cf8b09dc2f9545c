import { randomBytes } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import MimeNode from 'nodemailer/lib/mime-node';
import { runCommand } from '../../rig/run-command';

// Whole PEC messages (receipts, envelopes) the way providers send them: S/MIME multipart/signed around a
// multipart/mixed of the human text, daticert.xml and, for envelopes, the original as postacert.eml.

export interface PecSigner {
  certFile: string;
  keyFile: string;
  /** As Node's X509Certificate prints it. */
  subject: string;
}

/** A throwaway signing certificate, standing in for the provider's (AgID-listed) one. */
export async function createPecSigner(
  dir: string,
  commonName = 'posta-certificata@pec.ponte.test',
): Promise<PecSigner> {
  await mkdir(dir, { recursive: true });
  const certFile = join(dir, 'pec-signer.pem');
  const keyFile = join(dir, 'pec-signer.key');
  // prettier-ignore
  await runCommand('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
    '-keyout', keyFile, '-out', certFile, '-days', '2',
    '-subj', `/C=IT/O=Ponte test PEC/CN=${commonName}`,
  ]);
  return { certFile, keyFile, subject: `C=IT\nO=Ponte test PEC\nCN=${commonName}` };
}

export interface PecMessageSpec {
  /** Top-level headers in order: From, To, Subject, Date, Message-ID, X-Ricevuta / X-Trasporto, … */
  headers: [string, string][];
  text: string;
  daticert?: string;
  /** The certified message, attached as postacert.eml (envelopes, complete delivery receipts). */
  original?: string;
  /** Unsigned messages are not what providers send; tests use them for the "no signature" case. */
  signer?: PecSigner;
  /** How postacert.eml and daticert.xml are attached: providers send either (default: as in the rules). */
  disposition?: 'attachment' | 'inline';
}

const mimeHeaderOnly = /^(?:Date|Message-ID|MIME-Version):.*\r?\n/gim;

export async function buildPecMessage(spec: PecMessageSpec): Promise<string> {
  const body = new MimeNode('multipart/mixed');
  const alternative = body.createChild('multipart/alternative');
  alternative.createChild('text/plain; charset=utf-8').setContent(spec.text);
  alternative
    .createChild('text/html; charset=utf-8')
    .setContent(`<p>${spec.text.replaceAll('\n', '<br>')}</p>`);
  if (spec.original !== undefined) {
    body
      .createChild('message/rfc822')
      .setHeader('Content-Disposition', `${spec.disposition ?? 'attachment'}; filename="postacert.eml"`)
      .setContent(spec.original);
  }
  if (spec.daticert !== undefined) {
    body
      .createChild('application/xml; name="daticert.xml"')
      .setHeader('Content-Disposition', `${spec.disposition ?? 'inline'}; filename="daticert.xml"`)
      .setContent(spec.daticert);
  }
  const built = (await body.build()).toString('utf8');
  // The root node adds message headers of its own; inside a signed body only the MIME ones belong.
  const entity = built.replace(/^[\s\S]*?\r?\n\r?\n/, (head) => head.replace(mimeHeaderOnly, ''));
  const signed = spec.signer ? await sign(entity, spec.signer) : entity;
  const head = spec.headers.map(([name, value]) => `${name}: ${value}`).join('\r\n');
  return `${head}\r\n${spec.signer ? '' : 'MIME-Version: 1.0\r\n'}${signed.replace(/\r?\n/g, '\r\n')}`;
}

/** `openssl smime -sign` writes MIME-Version, the multipart/signed Content-Type, then both parts. */
async function sign(entity: string, signer: PecSigner): Promise<string> {
  // prettier-ignore
  return runCommand('openssl', [
    'smime', '-sign', '-signer', signer.certFile, '-inkey', signer.keyFile, '-md', 'sha256',
  ], { input: entity });
}

export const newMessageId = (domain: string): string =>
  `<${Date.now().toString(36)}.${randomBytes(6).toString('hex')}@${domain}>`;

/** RFC 5322 date, as a provider's header says it. */
export const mailDate = (at: Date): string => at.toUTCString().replace('GMT', '+0000');

export async function readSignerPem(signer: PecSigner): Promise<string> {
  return readFile(signer.certFile, 'utf8');
}
