import type { Channel } from '@shared/channels';
import type { CallInput, CallResult, PonteApi } from '@shared/contract';
import type { WireError } from '@shared/error-codes';
import { createHttpBridgeApi } from './http-bridge-api';

const TOKEN_KEY = 'ponte.bridgeToken';

export class CallError extends Error {
  constructor(readonly wire: WireError) {
    super(wire.message);
  }
}

let api: PonteApi | null = null;

/**
 * The desktop app's preload API, or in the browser preview a bridge client whose token arrives once in the URL
 * fragment; it is moved to sessionStorage and wiped from the address bar so it is not bookmarked or shared.
 */
function resolveApi(): PonteApi | null {
  if (window.ponte) return window.ponte;
  const fromHash = new URLSearchParams(window.location.hash.slice(1)).get('token');
  if (fromHash) {
    sessionStorage.setItem(TOKEN_KEY, fromHash);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  const token = sessionStorage.getItem(TOKEN_KEY);
  return token ? createHttpBridgeApi(token) : null;
}

export async function call<C extends Channel>(channel: C, input: CallInput<C>): Promise<CallResult<C>> {
  api ??= resolveApi();
  if (!api) {
    throw new CallError({
      code: 'FORBIDDEN',
      message: 'Ponte must be opened from the app or the preview address.',
    });
  }
  const envelope = await api.invoke(channel, input);
  if (!envelope.ok) throw new CallError(envelope.error);
  return envelope.value;
}
