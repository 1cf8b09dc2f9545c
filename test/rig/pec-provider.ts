import { once } from 'node:events';
import { appendFile, readFile } from 'node:fs/promises';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';
import { simpleParser, type AddressObject } from 'mailparser';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import { SMTPServer } from 'smtp-server';
import type { PecKind } from '@shared/pec';
import { pecMessage, type PecEvent } from '../support/pec/pec-fixtures';
import { createPecSigner, type PecSigner } from '../support/pec/pec-message';
import type { RigContext } from './context';
import { rigDomain } from './users';

// A PEC provider (gestore) for tests, in front of the rig's real Dovecot: an SMTP submission point that
// takes an authenticated message, makes the formal checks of RFC 6109 §3.1.1, puts the acceptance receipt in
// the sender's box and the transport envelope in the recipient's, then the delivery receipt (or the
// non-delivery notice) in the sender's box. Every message reaches the boxes through Dovecot's LMTP.
//
// Recipients: a rig user at ponte.test is a PEC box; another name at ponte.test does not exist (Aruba's
// errore="altro", 5.1.1); any address at mute.ponte.test is a PEC box whose provider never answers; any
// other domain is ordinary mail (esterno), which only ever gets the acceptance receipt.

export interface PecProviderHandle {
  name: string;
  port: number;
  gestore: string;
  /** Receipts come from posta-certificata@ this domain. */
  receiptDomain: string;
  silentDomain: string;
  log: string;
  stop(): Promise<void>;
}

const gestore = 'Ponte test PEC S.p.A.';
const receiptDomain = `pec.${rigDomain}`;
const silentDomain = `mute.${rigDomain}`;
/** Real providers answer in seconds; a short pause still makes the client wait for the delivery receipt. */
const deliveryDelayMs = 400;

interface Submission {
  raw: string;
  from: string;
  to: string[];
}

const addresses = (value: AddressObject | AddressObject[] | undefined): string[] =>
  (Array.isArray(value) ? value : value ? [value] : []).flatMap((group) =>
    group.value.flatMap((entry) => (entry.address ? [entry.address.toLowerCase()] : [])),
  );

export async function startPecProvider(
  ctx: RigContext,
  imap: { host: string; port: number },
  lmtpSocket: string,
): Promise<PecProviderHandle> {
  const log = join(ctx.dir, 'pec-provider.log');
  const write = (line: string): void => void appendFile(log, `${new Date().toISOString()} ${line}\n`);
  const signer: PecSigner = await createPecSigner(join(ctx.dir, 'pec'));
  const [key, cert, ca] = await Promise.all([
    readFile(ctx.certs.keyFile),
    readFile(ctx.certs.certFile),
    readFile(ctx.certs.caFile),
  ]);
  const users = new Set(ctx.accounts.map((account) => account.email.toLowerCase()));
  const pending = new Set<Promise<void>>();

  /** The password check is Dovecot's: the same login the box itself accepts. */
  async function dovecotAccepts(user: string, pass: string): Promise<boolean> {
    const client = new ImapFlow({ ...imap, secure: true, auth: { user, pass }, tls: { ca }, logger: false });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.logout();
      return true;
    } catch {
      return false;
    } finally {
      client.close();
    }
  }

  async function deliver(to: string, raw: string): Promise<void> {
    const socket = createConnection(lmtpSocket);
    await once(socket, 'connect');
    // A local unix socket: Dovecot offers STARTTLS there too, which would add nothing but a certificate check.
    const lmtp = new SMTPConnection({
      lmtp: true,
      connection: socket,
      name: receiptDomain,
      ignoreTLS: true,
      logger: false,
    });
    const failed = new Promise<never>((_resolve, reject) => lmtp.once('error', reject));
    failed.catch(() => undefined);
    const step = <T>(run: (done: (error: Error | null, value?: T) => void) => void): Promise<T | undefined> =>
      Promise.race([
        failed,
        new Promise<T | undefined>((resolve, reject) =>
          run((error, value) => (error ? reject(error) : resolve(value))),
        ),
      ]);
    try {
      await step((done) => lmtp.connect(() => done(null)));
      await step((done) => lmtp.send({ from: `posta-certificata@${receiptDomain}`, to: [to] }, raw, done));
      write(`delivered to ${to}: ${raw.split('\r\n', 3)[2] ?? ''}`);
    } finally {
      lmtp.quit();
    }
  }

  const event = (kind: PecKind, base: Omit<PecEvent, 'kind' | 'gestore' | 'domain' | 'at' | 'signer'>) =>
    pecMessage({ kind, gestore, domain: receiptDomain, at: new Date(), signer, ...base });

  async function handle(submission: Submission): Promise<void> {
    const mail = await simpleParser(submission.raw);
    const fromHeader = addresses(mail.from)[0] ?? '';
    const headerRecipients = [...addresses(mail.to), ...addresses(mail.cc)];
    const base = {
      sender: submission.from,
      subject: mail.subject ?? '',
      ...(mail.messageId ? { msgid: mail.messageId } : {}),
      recipients: headerRecipients.map((address) => ({
        address,
        tipo:
          address.endsWith(`@${rigDomain}`) || address.endsWith(`@${silentDomain}`)
            ? ('certificato' as const)
            : ('esterno' as const),
      })),
    };
    // RFC 6109 §3.1.1: From is the sender, the envelope's recipients are exactly To and Cc, no Bcc.
    const sameRecipients =
      headerRecipients.length === submission.to.length &&
      submission.to.every((to) => headerRecipients.includes(to));
    const formalError =
      fromHeader !== submission.from
        ? 'Il mittente (From) non corrisponde all’utente autenticato'
        : !sameRecipients
          ? 'I destinatari della busta non corrispondono a To e Cc'
          : mail.headers.has('bcc')
            ? 'Destinatari in copia nascosta (Bcc) non ammessi'
            : undefined;
    if (formalError) {
      await deliver(
        submission.from,
        await event('non-accettazione', { ...base, errore: 'altro', erroreEsteso: formalError }),
      );
      return;
    }
    await deliver(submission.from, await event('accettazione', base));

    const later = (async () => {
      await new Promise((resolve) => setTimeout(resolve, deliveryDelayMs));
      for (const recipient of base.recipients) {
        if (recipient.tipo === 'esterno' || recipient.address.endsWith(`@${silentDomain}`)) continue;
        if (!users.has(recipient.address)) {
          await deliver(
            submission.from,
            await event('errore-consegna', {
              ...base,
              errore: 'altro',
              deliveredTo: recipient.address,
              erroreEsteso: `5.1.1 - ${gestore} - indirizzo non valido`,
            }),
          );
          continue;
        }
        await deliver(
          recipient.address,
          await event('posta-certificata', { ...base, original: submission.raw }),
        );
        await deliver(
          submission.from,
          await event('avvenuta-consegna', {
            ...base,
            deliveredTo: recipient.address,
            original: submission.raw,
          }),
        );
      }
    })().catch((error: unknown) => write(`delivery failed: ${String(error)}`));
    pending.add(later);
    void later.finally(() => pending.delete(later));
  }

  const server = new SMTPServer({
    secure: true,
    key,
    cert,
    name: receiptDomain,
    banner: 'Ponte test PEC provider',
    authMethods: ['PLAIN', 'LOGIN'],
    size: 30 * 1024 * 1024,
    logger: false,
    onAuth(auth, _session, callback) {
      void dovecotAccepts(auth.username ?? '', auth.password ?? '').then((ok) =>
        ok ? callback(null, { user: auth.username }) : callback(new Error('Invalid username or password')),
      );
    },
    onMailFrom(address, session, callback) {
      if (address.address.toLowerCase() !== String(session.user).toLowerCase()) {
        callback(Object.assign(new Error('Sender is not the authenticated user'), { responseCode: 553 }));
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const submission: Submission = {
          raw: Buffer.concat(chunks).toString('utf8'),
          from: (session.envelope.mailFrom ? session.envelope.mailFrom.address : '').toLowerCase(),
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase()),
        };
        handle(submission).then(
          () => callback(),
          (error: unknown) => {
            write(`submission failed: ${String(error)}`);
            callback(Object.assign(new Error('Temporary failure'), { responseCode: 451 }));
          },
        );
      });
    },
  });
  server.on('error', (error) => write(`server error: ${String(error)}`));
  await new Promise<void>((resolve) => server.listen(ctx.ports.pecSmtp, '127.0.0.1', resolve));

  return {
    name: 'pec-provider',
    port: ctx.ports.pecSmtp,
    gestore,
    receiptDomain,
    silentDomain,
    log,
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.allSettled([...pending]);
    },
  };
}
