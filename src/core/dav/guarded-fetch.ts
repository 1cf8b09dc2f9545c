import type { Socket } from 'node:net';
import { Agent, buildConnector, fetch as undiciFetch } from 'undici';
import type { ServiceKind } from '@shared/verify';
import type { AdapterContext } from '../verify/service-target';
import { tlsOptions } from '../verify/tls-trust';
import { oversizedAnswer, VerifyFailure } from '../verify/verify-failure';
import { serverUrlProblem } from './host-policy';

const MAX_REDIRECTS = 5;
/**
 * A PROPFIND on a home with hundreds of collections is well under 1 MiB; a hostile one may be endless. The
 * WebDAV client's agents (guarded-agents.ts) hold its answers to the same bound.
 */
export const MAX_DAV_RESPONSE_BYTES = 16 * 1024 * 1024;

export interface SeenResponse {
  method: string;
  status: number;
  isXml: boolean;
}

export interface GuardedFetch {
  /** A fetch for tsdav's `fetch` override. */
  fetch: typeof globalThis.fetch;
  /** Every response, for telling "wrong password" from "not a DAV server" after tsdav's bare errors. */
  seen: SeenResponse[];
  /** Set when a request or redirect was refused; tsdav swallows errors during discovery, so look here. */
  refusal(): VerifyFailure | undefined;
  close(): Promise<void>;
}

type UndiciInit = NonNullable<Parameters<typeof undiciFetch>[1]>;
type UndiciResponse = Awaited<ReturnType<typeof undiciFetch>>;

/**
 * The only way Ponte's DAV code reaches the network. Unlike tsdav's own discovery, which follows an explicit
 * `http://` Location verbatim, it holds every request and every redirect to the host policy (https, the
 * origin's host and port or a confirmed host), so a Basic header never leaves over plaintext or to a
 * stranger. It also verifies TLS against the account's trust settings, bounds time and body size, and aborts
 * with the service's signal.
 */
export function createGuardedFetch(service: ServiceKind, origin: URL, context: AdapterContext): GuardedFetch {
  const sockets = new Set<Socket>();
  const dispatcher = new Agent({
    connect: trackingConnector(sockets, context),
    headersTimeout: context.timeouts.responseMs,
    bodyTimeout: context.timeouts.responseMs,
    // One connection per origin, reused: discovery is a handful of sequential requests.
    connections: 2,
  });
  const seen: SeenResponse[] = [];
  let refused: VerifyFailure | undefined;

  const refuse = (failure: VerifyFailure): never => {
    refused ??= failure;
    throw failure;
  };

  const check = (url: URL, reason: 'request' | 'redirect'): void => {
    const what = reason === 'redirect' ? 'a redirect' : 'a request';
    const problem = serverUrlProblem(url, origin, context.confirmedHosts);
    if (problem === 'insecure') {
      refuse(
        new VerifyFailure(
          reason === 'redirect' ? 'REDIRECT_REFUSED' : 'INSECURE_URL',
          `Refused ${what} to a non-https address.`,
          `${url.protocol}//${url.host}${url.pathname}`,
        ),
      );
    }
    if (problem !== undefined) {
      refuse(
        new VerifyFailure(
          'REDIRECT_REFUSED',
          problem === 'otherServer'
            ? `Refused ${what} to a host or port the user did not confirm.`
            : `Refused ${what} to an address with user-info or an invalid host name.`,
          url.host,
        ),
      );
    }
  };

  const guardedFetch = async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    let url = new URL(input instanceof Request ? input.url : input.toString());
    let method = (init.method ?? 'GET').toUpperCase();
    let body = init.body;
    const callerFollows = init.redirect === 'manual';
    for (let hop = 0; ; hop += 1) {
      check(url, hop === 0 ? 'request' : 'redirect');
      context.onRequest?.(service, method, url.href);
      const response: UndiciResponse = await undiciFetch(url, {
        ...(init as UndiciInit),
        method,
        body: body as UndiciInit['body'],
        redirect: 'manual',
        dispatcher,
        signal: init.signal ? AbortSignal.any([init.signal, context.signal]) : context.signal,
      });
      const contentType = response.headers.get('content-type') ?? '';
      seen.push({ method, status: response.status, isXml: /xml/i.test(contentType) });
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || location === null) {
        if (callerFollows) {
          // tsdav's well-known probe reads only the status and Location, never the body: left unread, a large
          // one would hold the connection (and the next request behind it) until the check timed out.
          await response.body?.cancel();
          return new Response(null, { status: response.status });
        }
        return boundedResponse(response);
      }
      const next = new URL(location, url);
      check(next, 'redirect');
      await response.body?.cancel();
      if (callerFollows)
        return new Response(null, { status: response.status, headers: { location: next.href } });
      if (hop >= MAX_REDIRECTS) throw new VerifyFailure('PROTOCOL_ERROR', 'Too many redirects.', url.host);
      // 303 turns any method into GET; other codes keep PROPFIND and its body, as DAV clients do.
      if (response.status === 303) {
        method = 'GET';
        body = undefined;
      }
      url = next;
    }
  };

  return {
    fetch: guardedFetch as typeof globalThis.fetch,
    seen,
    refusal: () => refused,
    close: async () => {
      // undici leaves a socket that is still in its TLS handshake alone until the connect timeout:
      // a cancel must not leave it behind.
      for (const socket of sockets) socket.destroy();
      // destroy, not close: close() would wait for a request a cancel just abandoned.
      await dispatcher.destroy();
    },
  };
}

/** undici's own connector (TLS options, connect timeout), keeping hold of every socket it opens. */
function trackingConnector(sockets: Set<Socket>, context: AdapterContext): buildConnector.connector {
  const connect = buildConnector({ ...tlsOptions(context.trust), timeout: context.timeouts.connectMs });
  return (options, callback) => {
    // Typed as void, but undici returns the socket it is connecting (lib/core/connect.js).
    const socket = (connect as unknown as (...args: Parameters<typeof connect>) => Socket | undefined)(
      options,
      callback,
    );
    if (socket) {
      sockets.add(socket);
      socket.once('close', () => sockets.delete(socket));
    }
  };
}

/** The same response, whose body errors out past MAX_DAV_RESPONSE_BYTES instead of filling memory. */
function boundedResponse(response: UndiciResponse): Response {
  const init = {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers as unknown as Headers,
  };
  const source = response.body as ReadableStream<Uint8Array> | null;
  // The Response constructor refuses a body on these statuses, even an empty stream.
  if (source === null || [204, 205, 304].includes(response.status)) return new Response(null, init);
  let total = 0;
  const limited = source.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        total += chunk.byteLength;
        if (total > MAX_DAV_RESPONSE_BYTES) {
          controller.error(oversizedAnswer());
          return;
        }
        controller.enqueue(chunk);
      },
    }),
  );
  return new Response(limited, init);
}
