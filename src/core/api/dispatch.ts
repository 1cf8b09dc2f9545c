import { isChannel } from '@shared/channels';
import { contract } from '@shared/contract';
import type { Envelope } from '@shared/error-codes';
import { toWireError } from '../errors/ponte-error';
import type { Handlers } from './handlers';

/**
 * The single entry for calls arriving from an untrusted side (renderer over IPC, browser over the bridge):
 * unknown channels and inputs that fail the contract's schema never reach a handler, and every outcome,
 * success or failure, comes back as an envelope because a rejected IPC promise loses the error's fields.
 */
export async function dispatch(
  handlers: Handlers,
  channel: unknown,
  input: unknown,
  onUnexpected: (error: unknown, channel: string) => void = () => undefined,
): Promise<Envelope<unknown>> {
  if (!isChannel(channel)) {
    return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: 'Unknown call.' } };
  }
  const parsed = contract[channel].input.safeParse(input);
  if (!parsed.success) {
    const where = parsed.error.issues.map((issue) => issue.path.join('.') || '(input)').join(', ');
    return {
      ok: false,
      error: { code: 'INVALID_INPUT', message: `Invalid input for ${channel}: ${where}.` },
    };
  }
  try {
    const handler = handlers[channel] as (input: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    const wire = toWireError(error);
    if (wire.code === 'INTERNAL') onUnexpected(error, channel);
    return { ok: false, error: wire };
  }
}
