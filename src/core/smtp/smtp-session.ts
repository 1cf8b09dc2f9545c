import SMTPConnection from 'nodemailer/lib/smtp-connection';
import type { MailEndpoint } from '@shared/verify';
import type { Credential, Timeouts } from '../verify/service-target';
import type { TrustSettings } from '../verify/tls-trust';
import { oversizedAnswer } from '../verify/verify-failure';
import { smtpOptions } from './smtp-options';

/** Replies are short lines: a check or a test PEC receives a few KB in one connection. */
const MAX_RECEIVED_BYTES = 1024 * 1024;

export interface SmtpSession {
  send(envelope: { from: string; to: string[] }, message: Buffer): Promise<void>;
  /** Says goodbye and closes; safe to call more than once. */
  close(): void;
}

/**
 * Connects, upgrades (implicit TLS or mandatory STARTTLS, see smtpOptions) and logs in on nodemailer's
 * SMTPConnection, so a cancel can close the socket at once. A server that never ends its answer is stopped:
 * nodemailer gathers an unfinished line by concatenating every chunk without a bound (an endless greeting took
 * +184 MB and kept the CPU busy for the whole 10 s greeting timeout), so what arrives is counted and the
 * connection closed past MAX_RECEIVED_BYTES.
 */
export async function openSmtpSession(
  endpoint: MailEndpoint,
  credential: Credential,
  trust: TrustSettings,
  timeouts: Timeouts,
  signal?: AbortSignal,
): Promise<SmtpSession> {
  const connection = new SMTPConnection(smtpOptions(endpoint, trust, timeouts));
  // connect() calls back only on success; failures arrive as 'error', a dropped line as 'end'.
  let fail: (error: Error) => void = () => undefined;
  const broken = new Promise<never>((_resolve, reject) => {
    fail = reject;
    connection.once('error', reject);
    connection.once('end', () => reject(new Error('Connection closed unexpectedly')));
  });
  broken.catch(() => undefined);
  countReceived(connection, () => {
    fail(oversizedAnswer());
    connection.close();
  });
  const step = (run: (done: (error?: Error | null) => void) => void): Promise<void> =>
    Promise.race([
      broken,
      new Promise<void>((resolve, reject) => run((error) => (error ? reject(error) : resolve()))),
    ]);
  const close = (): void => connection.close();
  signal?.addEventListener('abort', close, { once: true });
  let loggedIn = false;
  const session: SmtpSession = {
    send: (envelope, message) => step((done) => connection.send(envelope, message, (error) => done(error))),
    close: () => {
      signal?.removeEventListener('abort', close);
      if (loggedIn) connection.quit();
      loggedIn = false;
      connection.close();
    },
  };
  try {
    await step((done) => connection.connect(done));
    await step((done) =>
      connection.login({ credentials: { user: credential.username, pass: credential.password } }, done),
    );
    loggedIn = true;
    return session;
  } catch (error) {
    session.close();
    throw error;
  }
}

/**
 * nodemailer reads through one handler, bound in its constructor and attached to the socket (and to the TLS
 * socket after an upgrade) only on connect: wrapping it here puts the count in front of every chunk it reads.
 * An update of nodemailer that reads differently makes the endless-greeting case of hostile-servers.test.ts fail.
 */
function countReceived(connection: SMTPConnection, tooMuch: () => void): void {
  const internals = connection as unknown as { _onSocketData: (chunk: Buffer) => void };
  const read = internals._onSocketData.bind(connection);
  let received = 0;
  internals._onSocketData = (chunk) => {
    received += chunk.length;
    if (received > MAX_RECEIVED_BYTES) tooMuch();
    else read(chunk);
  };
}
