import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent, type AgentOptions } from 'node:https';
import { isIPv6 } from 'node:net';
import type { Duplex } from 'node:stream';
import { isAllowedServerUrl } from '../dav/host-policy';
import type { AdapterContext } from '../verify/service-target';
import { tlsOptions } from '../verify/tls-trust';
import { oversizedAnswer, VerifyFailure } from '../verify/verify-failure';
import { MAX_DAV_RESPONSE_BYTES } from '../dav/guarded-fetch';

/**
 * The webdav client sends its Basic header on every request and lets node-fetch follow redirects, so the
 * guard sits where connections are made: https to the origin's host and port or a confirmed host only, and
 * plain http never.
 */
export interface GuardedAgents {
  httpAgent: HttpAgent;
  httpsAgent: HttpsAgent;
  refusal(): VerifyFailure | undefined;
  destroy(): void;
}

type ConnectArgs = Parameters<HttpsAgent['createConnection']>;

/**
 * The https address a connection is for, so the agent is held to the same rule as every DAV request (host
 * and port). http.request hands over the host without brackets and the port it will dial (443 by default).
 */
function connectionUrl(host: string, port: unknown): URL | undefined {
  const literal = isIPv6(host) ? `[${host}]` : host;
  const dialled = port === undefined || port === null || port === '' ? '' : `:${String(port)}`;
  let url: URL;
  try {
    url = new URL(`https://${literal}${dialled}/`);
  } catch {
    return undefined;
  }
  // A host with `/`, `?` or `#` in it would be read as a different host than the one the socket dials.
  return url.pathname === '/' && url.search === '' && url.hash === '' ? url : undefined;
}

export function createGuardedAgents(
  origin: URL,
  context: AdapterContext,
  // The webdav client reads a whole body and parses it in one go (a 100 MB PROPFIND answer took 800 MB and
  // blocked the process for 8 s): each answer is cut off at the same bound as tsdav's.
  maxResponseBytes = MAX_DAV_RESPONSE_BYTES,
): GuardedAgents {
  let refused: VerifyFailure | undefined;
  const refuse = (failure: VerifyFailure): never => {
    refused ??= failure;
    throw failure;
  };
  // Bytes received on each socket since its current request began (the agent frees a socket after each one).
  const received = new WeakMap<Duplex, number>();
  const bounded = (socket: Duplex): void => {
    received.set(socket, 0);
    // The server only speaks after the request, which http writes once its own listener is on the socket.
    socket.on('data', (chunk: Buffer) => {
      const total = (received.get(socket) ?? 0) + chunk.length;
      received.set(socket, total);
      if (total > maxResponseBytes) {
        refused ??= oversizedAnswer();
        socket.destroy(refused);
      }
    });
  };

  class ConfirmedHostsAgent extends HttpsAgent {
    override createConnection(...args: ConnectArgs): Duplex | null | undefined {
      const [options] = args;
      const host = String(options.host ?? options.hostname ?? '');
      const url = connectionUrl(host, options.port);
      if (url === undefined || !isAllowedServerUrl(url, origin, context.confirmedHosts)) {
        refuse(
          new VerifyFailure(
            'REDIRECT_REFUSED',
            'Refused a connection to a host or port the user did not confirm.',
            url?.host ?? host,
          ),
        );
      }
      const socket = super.createConnection(...args);
      if (socket) bounded(socket);
      return socket;
    }
  }

  class NoPlaintextAgent extends HttpAgent {
    override createConnection(): Duplex | null | undefined {
      return refuse(new VerifyFailure('REDIRECT_REFUSED', 'Refused a redirect to a non-https address.'));
    }
  }

  const httpsOptions: AgentOptions = {
    ...tlsOptions(context.trust),
    keepAlive: true,
    maxSockets: 2,
    timeout: context.timeouts.responseMs,
  };
  const httpsAgent = new ConfirmedHostsAgent(httpsOptions);
  httpsAgent.on('free', (socket: Duplex) => received.set(socket, 0));
  const httpAgent = new NoPlaintextAgent();
  return {
    httpAgent,
    httpsAgent,
    refusal: () => refused,
    destroy: () => {
      httpsAgent.destroy();
      httpAgent.destroy();
    },
  };
}
