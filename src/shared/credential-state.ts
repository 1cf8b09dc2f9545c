import type { LastCheck } from './models';
import type { ServiceKind, VerifyCode } from './verify';

// Where an app password stands, as a pure function of the password's dates, the last real login and the clock:
// the dashboard, the reminders and `ponte expiry` all read it from here.

export type CredentialState = 'ok' | 'expiring' | 'expired' | 'failing' | 'unknown';

export interface CredentialStatus {
  state: CredentialState;
  /** Whole days until it expires (0 on its last day, negative once expired); null without a lifetime. */
  daysLeft: number | null;
  /** While expiring: the reminder threshold reached (the smallest one at least as long as the time left). */
  threshold: number | null;
}

export interface CredentialDates {
  createdAt: string;
  lifetimeDays: number | null;
  /** When the provider extended it (Aruba PEC: by another lifetime); its lifetime then counts from here. */
  extendedAt?: string | undefined;
}

const DAY_MS = 86_400_000;

/** Only a refusal of the password itself: a server that is down or unreachable says nothing about it. */
const REFUSALS: readonly VerifyCode[] = ['AUTH_FAILED', 'APP_PASSWORD_REQUIRED'];
/** The server was never reached (offline, down, moved): nothing learnt about the password. */
const UNREACHABLE: readonly VerifyCode[] = [
  'CONNECTION_REFUSED',
  'HOST_NOT_FOUND',
  'NETWORK_UNREACHABLE',
  'TIMEOUT',
];

export const isRefusal = (code: VerifyCode | null): boolean => code !== null && REFUSALS.includes(code);
export const isUnreachable = (code: VerifyCode | null): boolean =>
  code !== null && UNREACHABLE.includes(code);

export function expiryOf(dates: CredentialDates): Date | null {
  if (dates.lifetimeDays === null) return null;
  return new Date(Date.parse(dates.extendedAt ?? dates.createdAt) + dates.lifetimeDays * DAY_MS);
}

/** Whether the last real login refused this credential on any service that uses it. */
export function refusedAtLastCheck(
  lastCheck: LastCheck | null,
  servicesUsing: readonly ServiceKind[],
  since: string,
): boolean {
  if (!lastCheck || Date.parse(lastCheck.at) < Date.parse(since)) return false;
  return lastCheck.results.some((result) => servicesUsing.includes(result.service) && isRefusal(result.code));
}

export function credentialStatus(
  dates: CredentialDates,
  refused: boolean,
  now: Date,
  thresholds: readonly number[],
): CredentialStatus {
  const expiry = expiryOf(dates);
  const daysLeft = expiry === null ? null : Math.floor((expiry.getTime() - now.getTime()) / DAY_MS);
  if (refused) return { state: 'failing', daysLeft, threshold: null };
  if (daysLeft === null) return { state: 'unknown', daysLeft, threshold: null };
  if (expiry !== null && expiry.getTime() <= now.getTime())
    return { state: 'expired', daysLeft, threshold: null };
  const remainingMs = (expiry?.getTime() ?? 0) - now.getTime();
  const reached = [...thresholds].sort((a, b) => a - b).find((days) => remainingMs <= days * DAY_MS);
  return reached === undefined
    ? { state: 'ok', daysLeft, threshold: null }
    : { state: 'expiring', daysLeft, threshold: reached };
}
