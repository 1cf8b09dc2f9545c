import type { SmtpFound } from '@shared/verify';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import { authFailure, unexpectedFailure } from '../verify/adapter-errors';
import { serverDetail } from '../verify/scrub-secret';
import type { Adapter, ServiceTarget } from '../verify/service-target';
import { tlsOptions } from '../verify/tls-trust';
import { VerifyFailure } from '../verify/verify-failure';

type SmtpTarget = Extract<ServiceTarget, { service: 'smtp' }>;

interface SmtpError extends Error {
  code?: string;
  command?: string;
  response?: string;
  responseCode?: number;
}

/**
 * Connects, upgrades and authenticates, which is what nodemailer's transport.verify() does, on
 * SMTPConnection itself so a cancel can close the socket at once. `requireTLS` makes nodemailer issue
 * STARTTLS even when the server hides it (a stripping attacker) and stop if the upgrade fails: AUTH is
 * never sent in plaintext.
 */
export const verifySmtp: Adapter<SmtpTarget, SmtpFound> = async (target, context) => {
  const { endpoint, credential } = target;
  const connection = new SMTPConnection({
    host: endpoint.host,
    port: endpoint.port,
    secure: endpoint.security === 'tls',
    requireTLS: endpoint.security === 'starttls',
    tls: tlsOptions(context.trust),
    connectionTimeout: context.timeouts.connectMs,
    greetingTimeout: context.timeouts.connectMs,
    socketTimeout: context.timeouts.responseMs,
    logger: false,
  });
  // connect() calls back only on success; failures arrive as 'error', a dropped line as 'end'.
  const broken = new Promise<never>((_resolve, reject) => {
    connection.once('error', reject);
    connection.once('end', () => reject(new Error('Connection closed unexpectedly')));
  });
  broken.catch(() => undefined);
  const step = (run: (done: (error?: Error | null) => void) => void): Promise<void> =>
    Promise.race([
      broken,
      new Promise<void>((resolve, reject) => run((error) => (error ? reject(error) : resolve()))),
    ]);
  const close = (): void => connection.close();
  context.signal.addEventListener('abort', close, { once: true });
  try {
    await step((done) => connection.connect(done));
    await step((done) =>
      connection.login({ credentials: { user: credential.username, pass: credential.password } }, done),
    );
    connection.quit();
    return {};
  } catch (error) {
    throw toFailure(error as SmtpError, credential.password);
  } finally {
    context.signal.removeEventListener('abort', close);
    connection.close();
  }
};

function toFailure(error: SmtpError, password: string): VerifyFailure {
  if (error.code === 'EAUTH') return authFailure(error.response ?? error.message, password);
  // nodemailer's wording for "the server refused or never offered the upgrade"; a failed handshake after
  // the upgrade ("Error initiating TLS - …") is a certificate problem and is classified below.
  if (/Error upgrading connection with STARTTLS|does not support required STARTTLS/.test(error.message)) {
    return new VerifyFailure(
      'TLS_REQUIRED_NOT_OFFERED',
      'The server did not accept STARTTLS; Ponte stopped before sending the password.',
      serverDetail(error.response ?? error.message, password),
    );
  }
  return unexpectedFailure(error, password);
}
