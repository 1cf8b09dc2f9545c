import type { ImapFolder, ImapFound, Quota } from '@shared/verify';
import type { ListResponse } from 'imapflow';
import { unexpectedFailure } from '../verify/adapter-errors';
import type { Adapter, ServiceTarget } from '../verify/service-target';
import { connectImap, createImapClient } from './imap-client';

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

/** Logs in, lists folders and reads the quota. */
export const verifyImap: Adapter<ImapTarget, ImapFound> = async (target, context) => {
  const { credential } = target;
  const client = createImapClient(target, context.trust, context.timeouts);
  const close = (): void => client.close();
  context.signal.addEventListener('abort', close, { once: true });
  try {
    await connectImap(client, credential.password);
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
