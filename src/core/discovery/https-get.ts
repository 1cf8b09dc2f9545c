import type { TrustSettings } from '../verify/tls-trust';
import { tlsOptions } from '../verify/tls-trust';
import type { DnsClient } from './dns-client';
import { logFor } from '../log/logger';

const log = logFor('discovery');

export interface HttpsGetOptions {
  dns: DnsClient;
  trust?: TrustSettings;
  signal: AbortSignal;
  maxBytes: number;
  /** With 'manual', a redirect is returned as is (its Location checked), not followed. */
  redirect?: 'follow' | 'manual';
  method?: 'GET' | 'PROPFIND';
}

export type HttpsGetResult =
  | { ok: true; status: number; url: string; contentType: string; body: string; location?: string }
  | { ok: false; reason: string };

const MAX_REDIRECTS = 3;

/**
 * One bounded GET for discovery: https only, redirects only to https, the body cut off past `maxBytes`,
 * names resolved by discovery's own resolver. Never throws: a failure is a reason for the notes.
 */
export async function httpsGet(start: string, options: HttpsGetOptions): Promise<HttpsGetResult> {
  // Loaded on first use: commands that never go online do not pay for undici.
  const { Agent, fetch: undiciFetch } = await import('undici');
  const dispatcher = new Agent({
    connect: { ...tlsOptions(options.trust), lookup: options.dns.lookup },
    connections: 1,
  });
  try {
    let url = new URL(start);
    for (let hop = 0; hop <= MAX_REDIRECTS; hop += 1) {
      if (url.protocol !== 'https:')
        return { ok: false, reason: `refused a non-https address (${url.origin})` };
      const response = await undiciFetch(url, {
        method: options.method ?? 'GET',
        redirect: 'manual',
        dispatcher,
        signal: options.signal,
        ...(options.method === 'PROPFIND' ? { headers: { depth: '0' } } : {}),
      });
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location !== null) {
        await response.body?.cancel();
        const next = new URL(location, url);
        if (next.protocol !== 'https:') return { ok: false, reason: `refused a redirect to ${next.origin}` };
        if (options.redirect === 'manual') {
          return {
            ok: true,
            status: response.status,
            url: url.href,
            contentType: '',
            body: '',
            location: next.href,
          };
        }
        url = next;
        continue;
      }
      const body = await readBounded(response.body, options.maxBytes);
      if (body === undefined) return { ok: false, reason: `response larger than ${options.maxBytes} bytes` };
      return {
        ok: true,
        status: response.status,
        url: url.href,
        contentType: response.headers.get('content-type') ?? '',
        body,
      };
    }
    return { ok: false, reason: 'too many redirects' };
  } catch (error) {
    return { ok: false, reason: describe(error) };
  } finally {
    await dispatcher.destroy();
  }
}

export async function readBounded(
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
): Promise<string | undefined> {
  if (body === null) return '';
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of body) {
    total += chunk.byteLength;
    if (total > maxBytes) {
      await body.cancel().catch((error: unknown) => log.debug('closing an oversized answer failed', error));
      return undefined;
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if (cause?.code) return cause.code;
  return error instanceof Error
    ? error.name === 'AbortError'
      ? 'time is up'
      : error.message
    : String(error);
}
