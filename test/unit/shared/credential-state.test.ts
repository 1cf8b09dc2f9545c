import { describe, expect, it } from 'vitest';
import { credentialStatus, expiryOf, refusedAtLastCheck } from '@shared/credential-state';
import type { LastCheck } from '@shared/models';

const THRESHOLDS = [14, 7, 3, 1];
// An Aruba PEC app password: 90 days from 1 September 2026, 09:00 UTC → expires 30 November 2026, 09:00.
const aruba = { createdAt: '2026-09-01T09:00:00.000Z', lifetimeDays: 90 };
const at = (iso: string): Date => new Date(iso);

describe('credential state with an injected clock', () => {
  it('walks ok → expiring at each threshold → expired', () => {
    expect(expiryOf(aruba)?.toISOString()).toBe('2026-11-30T09:00:00.000Z');
    const status = (iso: string) => credentialStatus(aruba, false, at(iso), THRESHOLDS);
    expect(status('2026-11-16T08:59:59.000Z')).toEqual({ state: 'ok', daysLeft: 14, threshold: null });
    expect(status('2026-11-16T09:00:00.000Z')).toEqual({ state: 'expiring', daysLeft: 14, threshold: 14 });
    expect(status('2026-11-23T09:00:00.000Z')).toEqual({ state: 'expiring', daysLeft: 7, threshold: 7 });
    expect(status('2026-11-23T10:00:00.000Z')).toEqual({ state: 'expiring', daysLeft: 6, threshold: 7 });
    expect(status('2026-11-27T09:00:00.000Z')).toEqual({ state: 'expiring', daysLeft: 3, threshold: 3 });
    expect(status('2026-11-29T12:00:00.000Z')).toEqual({ state: 'expiring', daysLeft: 0, threshold: 1 });
    expect(status('2026-11-30T09:00:00.000Z')).toEqual({ state: 'expired', daysLeft: 0, threshold: null });
    expect(status('2026-12-05T09:00:00.000Z')).toEqual({ state: 'expired', daysLeft: -5, threshold: null });
  });

  it('an extension counts the lifetime again from the day it was extended', () => {
    const extended = { ...aruba, extendedAt: '2026-11-25T10:00:00.000Z' };
    expect(expiryOf(extended)?.toISOString()).toBe('2027-02-23T10:00:00.000Z');
    expect(credentialStatus(extended, false, at('2026-11-30T10:00:00.000Z'), THRESHOLDS).state).toBe('ok');
  });

  it('no lifetime: unknown; no thresholds: never expiring, still expired on the day', () => {
    expect(
      credentialStatus({ ...aruba, lifetimeDays: null }, false, at('2030-01-01T00:00:00Z'), THRESHOLDS),
    ).toEqual({
      state: 'unknown',
      daysLeft: null,
      threshold: null,
    });
    expect(credentialStatus(aruba, false, at('2026-11-29T09:00:00Z'), []).state).toBe('ok');
    expect(credentialStatus(aruba, false, at('2026-11-30T09:00:00Z'), []).state).toBe('expired');
  });

  it('failing wins over any date: the last real login was refused', () => {
    expect(credentialStatus(aruba, true, at('2026-09-02T00:00:00Z'), THRESHOLDS).state).toBe('failing');
  });
});

describe('refused at the last check', () => {
  const check = (
    code: LastCheck['results'][number]['code'],
    service: 'imap' | 'caldav' = 'imap',
  ): LastCheck => ({
    at: '2026-10-01T00:00:00.000Z',
    results: [{ service, status: code ? 'failed' : 'ok', code }],
  });

  it('only a refused password counts; a dead or unreachable server does not', () => {
    expect(refusedAtLastCheck(check('AUTH_FAILED'), ['imap'], aruba.createdAt)).toBe(true);
    expect(refusedAtLastCheck(check('APP_PASSWORD_REQUIRED'), ['imap'], aruba.createdAt)).toBe(true);
    for (const offline of [
      'TIMEOUT',
      'CONNECTION_REFUSED',
      'HOST_NOT_FOUND',
      'NETWORK_UNREACHABLE',
    ] as const) {
      expect(refusedAtLastCheck(check(offline), ['imap'], aruba.createdAt)).toBe(false);
    }
  });

  it('only on the services this credential serves, and only after it was entered', () => {
    expect(refusedAtLastCheck(check('AUTH_FAILED', 'caldav'), ['imap'], aruba.createdAt)).toBe(false);
    expect(refusedAtLastCheck(check('AUTH_FAILED'), ['imap'], '2026-10-02T00:00:00.000Z')).toBe(false);
    expect(refusedAtLastCheck(null, ['imap'], aruba.createdAt)).toBe(false);
  });
});
