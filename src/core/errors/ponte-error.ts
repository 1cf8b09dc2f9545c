import type { ErrorCode, WireError } from '@shared/error-codes';

/** The one error type core lets out; every library error is mapped into it at the adapter. */
export class PonteError extends Error {
  override readonly name = 'PonteError';

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly hint?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  toWire(): WireError {
    return this.hint === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, hint: this.hint };
  }
}

/** Anything thrown becomes a wire error; unknown failures keep no detail that could carry a secret. */
export function toWireError(error: unknown): WireError {
  if (error instanceof PonteError) return error.toWire();
  return { code: 'INTERNAL', message: 'An unexpected error occurred. See the log for details.' };
}
