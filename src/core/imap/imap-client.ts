import type { MailEndpoint } from '@shared/verify';
import { ImapFlow } from 'imapflow';
import { authFailure } from '../verify/adapter-errors';
import { serverDetail } from '../verify/scrub-secret';
import type { Credential, Timeouts } from '../verify/service-target';
import { tlsOptions, type TrustSettings } from '../verify/tls-trust';
import { VerifyFailure } from '../verify/verify-failure';

/** No status line or folder list comes near this; a line that does is a server that never ends it. */
const MAX_LINE_BYTES = 1024 * 1024;
/** A login check reads no message: every literal it meets (capabilities, folder names, quota) is small. */
export const CHECK_LITERAL_BYTES = 1024 * 1024;

/**
 * An IMAP client over implicit TLS or mandatory STARTTLS only: imapflow's `doSTARTTLS: true` fails before
 * LOGIN when the server does not offer the upgrade (a downgrade attack looks exactly like that), so the
 * password never crosses a plaintext connection. Lines and literals are bounded (imapflow's own default is
 * 1 GB), so a server that streams without end fails the connection instead of filling memory; callers that
 * read whole messages raise `largestLiteralBytes` to the largest message they accept.
 */
export function createImapClient(
  target: { endpoint: MailEndpoint; credential: Credential },
  trust: TrustSettings,
  timeouts: Timeouts,
  largestLiteralBytes = CHECK_LITERAL_BYTES,
): ImapFlow {
  const { endpoint, credential } = target;
  const client = new ImapFlow({
    host: endpoint.host,
    port: endpoint.port,
    secure: endpoint.security === 'tls',
    ...(endpoint.security === 'starttls' ? { doSTARTTLS: true } : {}),
    auth: { user: credential.username, pass: credential.password },
    tls: tlsOptions(trust),
    logger: false,
    connectionTimeout: timeouts.connectMs,
    greetingTimeout: timeouts.connectMs,
    socketTimeout: timeouts.responseMs,
    disableAutoIdle: true,
    maxLineLength: MAX_LINE_BYTES,
    maxLiteralSize: largestLiteralBytes,
    maxResponseSize: largestLiteralBytes + MAX_LINE_BYTES,
  });
  // Errors also arrive as events; without a listener an 'error' event would crash the process.
  client.on('error', () => undefined);
  return client;
}

/** Connects and logs in; a refusal or a missing STARTTLS becomes a VerifyFailure with the server's words. */
export async function connectImap(client: ImapFlow, password: string): Promise<void> {
  try {
    await client.connect();
  } catch (error) {
    const fields = error as { authenticationFailed?: boolean; tlsFailed?: boolean; response?: unknown };
    if (fields.authenticationFailed) throw authFailure(fields.response, password);
    if (fields.tlsFailed && /STARTTLS/.test(String((error as Error).message))) {
      throw new VerifyFailure(
        'TLS_REQUIRED_NOT_OFFERED',
        'The server did not offer STARTTLS; Ponte stopped before sending the password.',
        serverDetail((error as Error).message, password),
      );
    }
    throw error;
  }
}
