import type { Quota } from './verify';
import { formatBytes, type Phrase } from './verify-summary';

/** Mailbox fullness reminders, each said once as the box fills (PEC boxes hold 1–2 GB). */
export const QUOTA_THRESHOLDS = [80, 90, 95] as const;
export type QuotaThreshold = (typeof QUOTA_THRESHOLDS)[number];

/** How full the box is, in whole percent (rounded down), or null when the server gives no limit. */
export function quotaPercent(quota: Quota | undefined | null): number | null {
  if (!quota?.limitBytes) return null;
  return Math.floor((quota.usedBytes / quota.limitBytes) * 100);
}

/** The highest threshold reached, or null below the first. */
export function quotaThreshold(percent: number | null): QuotaThreshold | null {
  if (percent === null) return null;
  return [...QUOTA_THRESHOLDS].reverse().find((threshold) => percent >= threshold) ?? null;
}

/** The quota in words (what is used, of how much), then, from 80 %, what a full box means. */
export function quotaPhrases(quota: Quota, language: string): Phrase[] {
  const used = formatBytes(quota.usedBytes, language);
  const percent = quotaPercent(quota);
  if (percent === null || quota.limitBytes === undefined)
    return [{ key: 'accounts.quota.used', params: { used } }];
  const limit = formatBytes(quota.limitBytes, language);
  return [
    { key: 'accounts.quota.usedOf', params: { used, limit, percent } },
    ...(quotaThreshold(percent) === null ? [] : [{ key: 'accounts.quota.nearlyFull' }]),
  ];
}
