import type { SmtpFound } from '@shared/verify';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import type { Adapter, ServiceTarget } from '../verify/service-target';
import { smtpFailure, smtpOptions } from './smtp-options';

type SmtpTarget = Extract<ServiceTarget, { service: 'smtp' }>;

/**
 * Connects, upgrades and authenticates, which is what nodemailer's transport.verify() does, on
 * SMTPConnection itself so a cancel can close the socket at once.
 */
export const verifySmtp: Adapter<SmtpTarget, SmtpFound> = async (target, context) => {
  const { endpoint, credential } = target;
  const connection = new SMTPConnection(smtpOptions(endpoint, context.trust, context.timeouts));
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
    throw smtpFailure(error, credential.password);
  } finally {
    context.signal.removeEventListener('abort', close);
    connection.close();
  }
};
