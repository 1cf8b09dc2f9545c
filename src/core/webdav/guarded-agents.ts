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

export function createGuardedAgents(origin: URL, context: AdapterContext): GuardedAgents {
  let refused: VerifyFailure | undefined;
  const refuse = (failure: VerifyFailure): never => {
    refused ??= failure;
    throw failure;
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
      return super.createConnection(...args);
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
