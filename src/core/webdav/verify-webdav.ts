import { randomBytes } from 'node:crypto';
import type { WebDavFound } from '@shared/verify';
import { AuthType, createClient, type DiskQuota, type WebDAVClient } from 'webdav';
import { parseHttpsUrl } from '../dav/host-policy';
import { unexpectedFailure } from '../verify/adapter-errors';
import type { Adapter, ServiceTarget } from '../verify/service-target';
import { VerifyFailure } from '../verify/verify-failure';
import { createGuardedAgents, type GuardedAgents } from './guarded-agents';
import { listFolder } from './list-folder';
import { logFor } from '../log/logger';

const log = logFor('webdav');

type WebDavTarget = Extract<ServiceTarget, { service: 'webdav' }>;

/**
 * Lists the root, reads RFC 4331 quota where offered and, only when asked, proves write access by creating
 * and deleting a tiny file. Basic auth only over https: an http address is refused before any request.
 */
export const verifyWebDav: Adapter<WebDavTarget, WebDavFound> = async (target, context) => {
  const origin = parseHttpsUrl(target.url);
  const agents = createGuardedAgents(origin, context);
  const clientAt = (base: string): WebDAVClient =>
    createClient(base, {
      username: target.credential.username,
      password: target.credential.password,
      // Password = Basic on every request; "Auto" would too, then also try Digest: no gain over TLS.
      authType: AuthType.Password,
      httpAgent: agents.httpAgent,
      httpsAgent: agents.httpsAgent,
    });
  const signal = context.signal;
  const folder = origin.pathname.endsWith('/') ? origin.pathname : `${origin.pathname}/`;
  try {
    const listing = await listFolder(clientAt(origin.origin), folder, signal);
    const entryCount = listing.entryCount;
    const client = clientAt(origin.href);
    // Live RFC 4331 quota is only sent when asked for by name.
    const quota =
      listing.quota ??
      readQuota(
        await client.getQuota({ signal }).catch((error: unknown) => {
          // Many servers do not do RFC 4331: the check still passes, without a quota.
          log.debug('the WebDAV server gave no quota', error);
          return null;
        }),
      );
    const writable = target.writeTest ? await canWrite(client, signal) : undefined;
    return {
      url: origin.href,
      entryCount,
      ...(quota ? { quota } : {}),
      ...(writable === undefined ? {} : { writable }),
    };
  } catch (error) {
    throw explain(error, agents, target.credential.password);
  } finally {
    agents.destroy();
  }
};

function readQuota(raw: Awaited<ReturnType<WebDAVClient['getQuota']>> | null): WebDavFound['quota'] {
  if (raw === null) return undefined;
  const quota: DiskQuota | null = 'data' in raw ? raw.data : raw;
  if (quota === null) return undefined;
  const result: NonNullable<WebDavFound['quota']> = {};
  if (Number.isFinite(quota.used) && quota.used >= 0) result.usedBytes = quota.used;
  if (typeof quota.available === 'number' && quota.available >= 0) result.availableBytes = quota.available;
  return Object.keys(result).length > 0 ? result : undefined;
}

/** Create then delete a probe file; a refusal (403, 405, 507) means read-only, not a failed check. */
async function canWrite(client: WebDAVClient, signal: AbortSignal): Promise<boolean> {
  const probe = `/.ponte-write-test-${randomBytes(6).toString('hex')}.txt`;
  try {
    await client.putFileContents(probe, 'Ponte write test; safe to delete.\n', { overwrite: false, signal });
  } catch (error) {
    if (statusOf(error) !== undefined && statusOf(error) !== 401) return false;
    throw error;
  }
  await client.deleteFile(probe, { signal });
  return true;
}

function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

function explain(error: unknown, agents: GuardedAgents, secret: string): VerifyFailure {
  const refusal = agents.refusal();
  if (refusal) return refusal;
  const status = statusOf(error);
  if (status === 401)
    return new VerifyFailure('AUTH_FAILED', 'The server refused the user name or password.');
  if (status === 404)
    return new VerifyFailure('SERVICE_NOT_FOUND', 'Nothing was found at this address.', 'HTTP 404');
  if (status !== undefined) {
    return new VerifyFailure(
      'NOT_A_DAV_SERVER',
      'The address does not answer like a WebDAV server.',
      `HTTP ${status}`,
    );
  }
  return unexpectedFailure(error, secret);
}
