import type { VerifyCode } from '@shared/verify';

/**
 * How a protocol adapter says "this service does not work, for this reason". The orchestrator turns it
 * into a failed ServiceResult; nothing outside core/verify ever sees it.
 */
export class VerifyFailure extends Error {
  override readonly name = 'VerifyFailure';

  constructor(
    readonly code: VerifyCode,
    message: string,
    /** The server's own words, already scrubbed of the password by the adapter. */
    readonly detail?: string,
  ) {
    super(message);
  }
}

/** A server whose answer passed the size Ponte reads: a broken or hostile one, stopped before memory fills. */
export const oversizedAnswer = (): VerifyFailure =>
  new VerifyFailure('PROTOCOL_ERROR', 'The server sent an oversized answer.');
