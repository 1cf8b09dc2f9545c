import type { ImapFolder, ImapFound, Quota } from '@shared/verify';
import { ImapFlow, type ListResponse } from 'imapflow';
import { authFailure, unexpectedFailure } from '../verify/adapter-errors';
import { serverDetail } from '../verify/scrub-secret';
import type { Adapter, ServiceTarget } from '../verify/service-target';
import { tlsOptions } from '../verify/tls-trust';
import { VerifyFailure } from '../verify/verify-failure';

type ImapTarget = Extract<ServiceTarget, { service: 'imap' }>;

const roles = new Map<string, NonNullable<ImapFolder['specialUse']>>([
  ['\\Sent', 'sent'],
  ['\\Drafts', 'drafts'],
  ['\\Trash', 'trash'],
  ['\\Junk', 'junk'],
  ['\\Archive', 'archive'],
  ['\\All', 'all'],
  ['\\Flagged', 'flagged'],
]);

function toFolder(entry: ListResponse): ImapFolder {
  const role = entry.specialUse === undefined ? undefined : roles.get(entry.specialUse);
  return { path: entry.path, name: entry.name, ...(role ? { specialUse: role } : {}) };
}

/** imapflow's typings say `used`; at run time GETQUOTAROOT fills `usage` (imapflow 1.7). Accept both. */
function readQuota(raw: unknown): Quota | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const storage = (raw as { storage?: Record<string, unknown> }).storage;
  if (!storage) return undefined;
  const used = typeof storage.usage === 'number' ? storage.usage : storage.used;
  if (typeof used !== 'number') return undefined;
  const limit = storage.limit;
  return typeof limit === 'number' && limit > 0
    ? { usedBytes: used, limitBytes: limit }
    : { usedBytes: used };
}

/**
 * Logs in, lists folders and reads the quota. Implicit TLS or mandatory STARTTLS only: imapflow's
 * `doSTARTTLS: true` fails before LOGIN when the server does not offer the upgrade (a downgrade attack
 * looks exactly like that), so the password never crosses a plaintext connection.
 */
export const verifyImap: Adapter<ImapTarget, ImapFound> = async (target, context) => {
  const { endpoint, credential } = target;
  const client = new ImapFlow({
    host: endpoint.host,
    port: endpoint.port,
    secure: endpoint.security === 'tls',
    ...(endpoint.security === 'starttls' ? { doSTARTTLS: true } : {}),
    auth: { user: credential.username, pass: credential.password },
    tls: tlsOptions(context.trust),
    logger: false,
    connectionTimeout: context.timeouts.connectMs,
    greetingTimeout: context.timeouts.connectMs,
    socketTimeout: context.timeouts.responseMs,
    disableAutoIdle: true,
  });
  // Errors also arrive as events; without a listener an 'error' event would crash the process.
  client.on('error', () => undefined);
  const close = (): void => client.close();
  context.signal.addEventListener('abort', close, { once: true });
  try {
    await connect(client, credential.password);
    const capabilities = [...client.capabilities.keys()].sort();
    const folders = (await client.list()).map(toFolder);
    const quota = client.capabilities.has('QUOTA') ? readQuota(await client.getQuota('INBOX')) : undefined;
    await client.logout();
    return { capabilities, folders, ...(quota ? { quota } : {}) };
  } catch (error) {
    throw unexpectedFailure(error, credential.password);
  } finally {
    context.signal.removeEventListener('abort', close);
    client.close();
  }
};

async function connect(client: ImapFlow, password: string): Promise<void> {
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
