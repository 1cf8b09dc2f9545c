import type { SmtpFound } from '@shared/verify';
import type { Adapter, ServiceTarget } from '../verify/service-target';
import { smtpFailure } from './smtp-options';
import { openSmtpSession } from './smtp-session';

type SmtpTarget = Extract<ServiceTarget, { service: 'smtp' }>;

/** Connects, upgrades and authenticates, which is what nodemailer's transport.verify() does. */
export const verifySmtp: Adapter<SmtpTarget, SmtpFound> = async (target, context) => {
  const { endpoint, credential } = target;
  try {
    const session = await openSmtpSession(
      endpoint,
      credential,
      context.trust,
      context.timeouts,
      context.signal,
    );
    session.close();
    return {};
  } catch (error) {
    throw smtpFailure(error, credential.password);
  }
};
