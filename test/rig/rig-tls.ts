import { Agent as HttpsAgent } from 'node:https';
import { Agent, fetch as undiciFetch } from 'undici';

// Client TLS settings that trust the rig's throwaway CA and nothing less: certificates are still
// verified, hostnames still checked. Never rejectUnauthorized: false, never NODE_TLS_REJECT_UNAUTHORIZED.

/** For imapflow's `tls` and nodemailer's `tls` options (both pass it on to tls.connect). */
export function rigTlsOptions(caPem: string): { ca: string } {
  return { ca: caPem };
}

/** For the webdav client: `createClient(url, { httpsAgent, username, password })`. */
export function rigHttpsAgent(caPem: string): HttpsAgent {
  return new HttpsAgent({ ca: caPem, keepAlive: false });
}

export interface RigFetch {
  /** A fetch whose TLS trusts the rig CA, for tsdav's `fetch` override. */
  fetch: typeof globalThis.fetch;
  close(): Promise<void>;
}

/** undici's own fetch on an Agent holding the CA: Node's global fetch cannot be given a CA per call. */
export function rigFetch(caPem: string): RigFetch {
  const dispatcher = new Agent({ connect: { ca: caPem } });
  type UndiciInput = Parameters<typeof undiciFetch>[0];
  type UndiciInit = NonNullable<Parameters<typeof undiciFetch>[1]>;
  // The DOM-style fetch types of @types/node and of undici 7 differ only in nominal details; at run time
  // tsdav just reads status, headers and text() from the response.
  const fetchWithCa = (
    input: Parameters<typeof globalThis.fetch>[0],
    init?: RequestInit,
  ): Promise<Response> =>
    undiciFetch(input as UndiciInput, {
      ...(init as UndiciInit),
      dispatcher,
    }) as unknown as Promise<Response>;
  return { fetch: fetchWithCa as typeof globalThis.fetch, close: () => dispatcher.close() };
}
