import { join } from 'node:path';
import { z } from 'zod';
import type { TFunction } from 'i18next';
import { summarizeAll } from '../accounts/account-summaries';
import type { Core } from '../core';
import { logFor } from '../log/logger';
import { readVersionedFile, type VersionedFile, writeVersionedFile } from '../storage/versioned-file';
import { attentionItems, dueReminders, type Reminder, type ReminderLog } from './due-reminders';

// Runs at start, on resume from sleep and on a timer (the desktop app's main process): says what is due,
// then records it, so each threshold is said once even across restarts. A notification that could not be
// shown is not recorded: it is tried again at the next run.

const logger = logFor('reminders');

const logFile = (dataDir: string): VersionedFile<ReminderLog> => ({
  path: join(dataDir, 'reminders.json'),
  label: 'reminders',
  version: 1,
  schema: z.record(z.string(), z.array(z.string())),
  defaults: () => ({}),
});

export interface ReminderRun {
  /** Said now (each once). */
  due: Reminder[];
  /** Everything needing attention now, for the tray. */
  attention: Reminder[];
}

export async function runReminders(
  core: Pick<Core, 'accounts' | 'settings' | 'dataDir'>,
  now: Date,
  notify: (reminder: Reminder) => Promise<void> | void,
): Promise<ReminderRun> {
  const accounts = await summarizeAll(core, now);
  const file = logFile(core.dataDir);
  const previous = await readVersionedFile(file);
  const { due, log } = dueReminders(accounts, previous);
  const said: Reminder[] = [];
  for (const reminder of due) {
    try {
      await notify(reminder);
      said.push(reminder);
    } catch (error) {
      // Not shown (notifications off, no session bus): see below.
      logger.warn(
        `a reminder could not be shown (${reminder.kind}); it is tried again at the next run`,
        error,
      );
    }
  }
  // A password whose reminder was not shown keeps exactly what was said before: the next run says it again.
  const unsaid = new Set(due.filter((entry) => !said.includes(entry)).map((entry) => entry.key));
  const kept = Object.fromEntries(
    [...new Set([...Object.keys(log), ...unsaid])].flatMap((key) => {
      const markers = unsaid.has(key) ? previous[key] : log[key];
      return markers ? [[key, markers]] : [];
    }),
  );
  await writeVersionedFile(file, kept);
  return { due: said, attention: attentionItems(accounts) };
}

/** A reminder in the person's language: "Aruba PEC — segreteria@… expires in 3 days". */
export function reminderText(reminder: Reminder, t: TFunction): { title: string; body: string } {
  if (reminder.kind === 'quota') {
    const who = `${reminder.displayName} — ${reminder.email}`;
    return {
      title: t('reminders.title.quota', { who, percent: reminder.percent }),
      body: t('reminders.body.quota'),
    };
  }
  const who = `${reminder.displayName} — ${reminder.username}`;
  const date = reminder.expiresAt?.slice(0, 10) ?? '';
  return {
    title: t(`reminders.title.${reminder.state}`, { who, count: Math.max(0, reminder.daysLeft ?? 0), date }),
    body: t(`reminders.body.${reminder.state}`),
  };
}
