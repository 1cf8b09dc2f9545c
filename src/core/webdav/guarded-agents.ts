import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent, type AgentOptions } from 'node:https';
import type { Duplex } from 'node:stream';
import { isConfirmedHost } from '../dav/host-policy';
import type { AdapterContext } from '../verify/service-target';
import { tlsOptions } from '../verify/tls-trust';
import { VerifyFailure } from '../verify/verify-failure';

/**
 * The webdav client sends its Basic header on every request and lets node-fetch follow redirects, so the
 * guard sits where connections are made: https to confirmed hosts only, and plain http never.
 */
export interface GuardedAgents {
  httpAgent: HttpAgent;
  httpsAgent: HttpsAgent;
  refusal(): VerifyFailure | undefined;
  destroy(): void;
}

type ConnectArgs = Parameters<HttpsAgent['createConnection']>;

/**
 * A listing or quota answer is well under 1 MiB. The webdav client reads a whole body into memory and parses
 * it in one go (a 100 MB PROPFIND answer took 800 MB and blocked the process for 8 s), so a hostile server's
 * answer is cut off here.
 */
export const MAX_WEBDAV_RESPONSE_BYTES = 16 * 1024 * 1024;

export function createGuardedAgents(
  origin: URL,
  context: AdapterContext,
  maxResponseBytes = MAX_WEBDAV_RESPONSE_BYTES,
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
        refused ??= new VerifyFailure('PROTOCOL_ERROR', 'The server sent an oversized response.');
        socket.destroy(refused);
      }
    });
  };

  class ConfirmedHostsAgent extends HttpsAgent {
    override createConnection(...args: ConnectArgs): Duplex | null | undefined {
      const [options] = args;
      const host = String(options.host ?? options.hostname ?? '');
      if (!isConfirmedHost(host, origin.hostname, context.confirmedHosts)) {
        refuse(
          new VerifyFailure(
            'REDIRECT_REFUSED',
            'Refused a connection to a host the user did not confirm.',
            host,
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
