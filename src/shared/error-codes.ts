// Every failure that crosses a boundary (IPC, bridge, CLI --json) carries one of these codes; the UI and the
// CLI translate the code, the English message is for logs and support.
export const ERROR_CODES = [
  'INVALID_INPUT',
  'UNKNOWN_CHANNEL',
  'FORBIDDEN',
  'INTERNAL',
  'KEYCHAIN_UNAVAILABLE',
  'KEYCHAIN_LOCKED',
  'STORAGE_NOT_WRITABLE',
  'STORAGE_UNREADABLE',
  'STORAGE_CORRUPT',
  'STORAGE_FUTURE_VERSION',
  'LINK_NOT_ALLOWED',
  'ACCOUNT_NOT_FOUND',
  'SECRET_MISSING',
  'NOT_VERIFIED',
  'START_AT_LOGIN_FAILED',
  'LOGIN_FLOW_FAILED',
  'TOOL_MISSING',
  'MOUNT_FAILED',
  'TARGETS_CONFIGURED',
  'CHECK_FAILED',
  'PROGRAM_RUNNING',
  'PROGRAM_NOT_FOUND',
  'SETTING_LOCKED',
  'UNWRITABLE_VALUE',
  'SIGN_IN_OTHER_SERVER',
  'ADMIN_REQUIRED',
  'DRIVE_LETTER_IN_USE',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface WireError {
  code: ErrorCode;
  message: string;
  /** What the person can do about it, in English; the UI shows its own translation by code. */
  hint?: string;
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: WireError };
