import type { MailEndpoint } from '@shared/verify';
import type SMTPConnection from 'nodemailer/lib/smtp-connection';
import { authFailure, unexpectedFailure } from '../verify/adapter-errors';
import { serverDetail } from '../verify/scrub-secret';
import type { Timeouts } from '../verify/service-target';
import { tlsOptions, type TrustSettings } from '../verify/tls-trust';
import { VerifyFailure } from '../verify/verify-failure';

/**
 * nodemailer's connection options for one endpoint: implicit TLS, or `requireTLS`, which makes nodemailer
 * issue STARTTLS even when the server hides it (a stripping attacker) and stop if the upgrade fails, so AUTH
 * is never sent in plaintext. Used for checking and for sending.
 */
export function smtpOptions(
  endpoint: MailEndpoint,
  trust: TrustSettings,
  timeouts: Timeouts,
): SMTPConnection.Options {
  return {
    host: endpoint.host,
    port: endpoint.port,
    secure: endpoint.security === 'tls',
    requireTLS: endpoint.security === 'starttls',
    tls: tlsOptions(trust),
    connectionTimeout: timeouts.connectMs,
    greetingTimeout: timeouts.connectMs,
    socketTimeout: timeouts.responseMs,
    logger: false,
  };
}

interface SmtpError extends Error {
  code?: string;
  response?: string;
}

/** A nodemailer failure as Ponte reports it, the password scrubbed from the server's words. */
export function smtpFailure(thrown: unknown, password: string): VerifyFailure {
  const error = thrown as SmtpError;
  if (error.code === 'EAUTH') return authFailure(error.response ?? error.message, password);
  // nodemailer's wording for "the server refused or never offered the upgrade"; a failed handshake after
  // the upgrade ("Error initiating TLS - …") is a certificate problem, classified as any other.
  if (/Error upgrading connection with STARTTLS|does not support required STARTTLS/.test(error.message)) {
    return new VerifyFailure(
      'TLS_REQUIRED_NOT_OFFERED',
      'The server did not accept STARTTLS; Ponte stopped before sending the password.',
      serverDetail(error.response ?? error.message, password),
    );
  }
  return unexpectedFailure(error, password);
}
