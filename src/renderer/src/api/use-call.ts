import { useCallback, useEffect, useState } from 'react';
import type { Channel } from '@shared/channels';
import type { CallInput, CallResult } from '@shared/contract';
import type { WireError } from '@shared/error-codes';
import { call, CallError } from './ponte-client';

export type CallState<T> =
  { status: 'loading' } | { status: 'ok'; value: T } | { status: 'error'; error: WireError };

/** The calls that take no input: the ones a screen loads by itself. */
type QueryChannel = { [C in Channel]: CallInput<C> extends undefined ? C : never }[Channel];

/** Runs a call when the component mounts; `reload` runs it again (the "Try again" button). */
export function useCall<C extends QueryChannel>(channel: C) {
  const [state, setState] = useState<CallState<CallResult<C>>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    call(channel, undefined as CallInput<C>)
      .then((value) => current && setState({ status: 'ok', value }))
      .catch((error: unknown) => current && setState({ status: 'error', error: toWire(error) }));
    return () => {
      current = false;
    };
  }, [channel, attempt]);

  const reload = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);
  /** Fetches again while still showing what is there: for data that changed, not for a failed load. */
  const refresh = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, reload, refresh };
}

export function toWire(error: unknown): WireError {
  if (error instanceof CallError) return error.wire;
  return { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) };
}
