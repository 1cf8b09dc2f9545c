import { parseXML, type WebDAVClient } from 'webdav';
import type { WebDavFound } from '@shared/verify';

// The folder as the person typed it, trailing slash kept: the webdav client's own listing drops it
// (PROPFIND /dav for https://host/dav/), and a server that serves WebDAV only inside `location /dav/` (nginx)
// answers that path as something else — a 404, or another location's page. One PROPFIND, Depth 1, on the
// exact folder. Without a body (allprop, RFC 4918 §9.1): node-fetch cannot follow a redirect of a request
// with one (it throws outside the promise, and the check would hang until its ceiling).

export interface FolderListing {
  entryCount: number;
  /** When the server lists quota properties with the rest (dead properties do; live ones may not). */
  quota?: WebDavFound['quota'];
}

type Props = Record<string, unknown>;
interface PropStat {
  prop?: Props;
  status?: string;
}
interface DavResponse {
  href?: unknown;
  propstat?: PropStat | PropStat[];
}

const asList = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/** A path compared as the server means it: percent-decoded where possible, without a trailing slash. */
function samePath(a: string, b: string): boolean {
  const norm = (value: string): string => {
    let path = value;
    try {
      path = decodeURIComponent(new URL(value, 'https://x').pathname);
    } catch {
      // A malformed escape: compared as it is.
    }
    return path.replace(/\/+$/, '');
  };
  return norm(a) === norm(b);
}

/** `client` must be rooted at the server (scheme://host:port/); `folder` is the path, with its slash. */
export async function listFolder(
  client: WebDAVClient,
  folder: string,
  signal: AbortSignal,
): Promise<FolderListing> {
  const response = await client.customRequest(folder, {
    method: 'PROPFIND',
    headers: { Depth: '1' },
    signal,
  });
  const parsed = (await parseXML(await response.text())) as { multistatus?: { response?: unknown } };
  if (response.status !== 207 || parsed.multistatus === undefined) {
    throw Object.assign(new Error('not a multistatus answer'), { status: response.status });
  }
  const responses = asList(parsed.multistatus.response as DavResponse | DavResponse[] | undefined);
  const own = responses.find((entry) => typeof entry.href === 'string' && samePath(entry.href, folder));
  const entryCount = responses.filter((entry) => entry !== own).length;
  const props: Props = Object.assign(
    {},
    ...asList(own?.propstat)
      .filter((stat) => stat.status === undefined || / 200 /.test(` ${stat.status} `))
      .map((stat) => stat.prop ?? {}),
  ) as Props;
  const quota: NonNullable<WebDavFound['quota']> = {};
  const used = Number(props['quota-used-bytes']);
  const available = Number(props['quota-available-bytes']);
  if (props['quota-used-bytes'] !== undefined && Number.isFinite(used) && used >= 0) quota.usedBytes = used;
  if (props['quota-available-bytes'] !== undefined && Number.isFinite(available) && available >= 0)
    quota.availableBytes = available;
  return { entryCount, ...(Object.keys(quota).length > 0 ? { quota } : {}) };
}
