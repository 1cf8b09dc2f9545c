import type { VerifyCode } from '@shared/verify';
import { classifyNetworkError } from './classify-network-error';
import { serverDetail } from './scrub-secret';
import { VerifyFailure } from './verify-failure';

// Servers that refuse a normal password once 2FA is on say so in words, not in a code: Gmail's
// "Application-specific password required" (IMAP [ALERT], SMTP 534-5.7.9), Yahoo's and iCloud's variants.
const appPasswordWording = /application[- ]specific password|app[- ]password|5\.7\.9/i;

/** An authentication refusal, told apart from "you need an app password" by the server's words. */
export function authFailure(serverText: unknown, secret: string): VerifyFailure {
  const detail = serverDetail(serverText, secret);
  const code: VerifyCode =
    detail !== undefined && appPasswordWording.test(detail) ? 'APP_PASSWORD_REQUIRED' : 'AUTH_FAILED';
  return new VerifyFailure(code, 'The server refused the user name or password.', detail);
}

/** The last resort of every adapter: a transport failure by its code, anything else a protocol error. */
export function unexpectedFailure(error: unknown, secret: string): VerifyFailure {
  if (error instanceof VerifyFailure) return error;
  const message = error instanceof Error ? error.message : String(error);
  const code = classifyNetworkError(error) ?? 'PROTOCOL_ERROR';
  return new VerifyFailure(code, `Connection check failed (${code}).`, serverDetail(message, secret));
}
