import type { PonteApi } from '@shared/contract';
import type { Envelope } from '@shared/error-codes';

// Must match BRIDGE_INVOKE_PATH in src/web-bridge/bridge-server.ts.
const INVOKE_PATH = '/api/invoke';

/** The browser preview's stand-in for the preload: the same calls, carried over HTTP to the loopback bridge. */
export function createHttpBridgeApi(token: string): PonteApi {
  return {
    async invoke(channel, input) {
      const response = await fetch(INVOKE_PATH, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ channel, input }),
      });
      if (!response.ok) {
        return {
          ok: false,
          error: { code: 'FORBIDDEN', message: `Bridge refused the call (${response.status}).` },
        };
      }
      return (await response.json()) as Envelope<never>;
    },
  };
}
