import { z } from 'zod/mini';

/** Settings an IT profile may lock, so people on the machine cannot change them in the app. */
export const LOCKABLE_SETTINGS = ['language', 'reminderDays', 'startAtLogin', 'reconnectDrives'] as const;
export type LockableSetting = (typeof LOCKABLE_SETTINGS)[number];

/** Reminder thresholds in days: at most six, each from 1 to 365. */
export const reminderDaysSchema = z.array(z.int().check(z.minimum(1), z.maximum(365))).check(z.maxLength(6));

/** Largest first, each once: the order reminders come in. */
export function normalizeReminderDays(days: readonly number[]): number[] {
  return [...new Set(days)].sort((a, b) => b - a);
}

/**
 * What a person typed ("14, 7, 3, 1" or "14 7 3") as thresholds, or null when it is not a list of whole
 * days from 1 to 365 (an empty text means no reminders).
 */
export function parseReminderDays(text: string): number[] | null {
  const parts = text.split(/[\s,;]+/).filter(Boolean);
  if (!parts.every((part) => /^\d{1,3}$/.test(part))) return null;
  const parsed = reminderDaysSchema.safeParse(parts.map(Number));
  return parsed.success ? normalizeReminderDays(parsed.data) : null;
}
