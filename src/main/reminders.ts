import { Notification, powerMonitor } from 'electron';
import { checkAllAccounts } from '@core/accounts/health-check';
import type { Core } from '@core/core';
import { logFor } from '@core/log/logger';
import type { Reminder } from '@core/reminders/due-reminders';
import { reminderText, runReminders } from '@core/reminders/reminder-service';
import { appTranslator } from './host-language';
import { showAttention } from './tray';
import { showMainWindow, showRotation } from './window';

// When reminders are looked at: at start, on resume from sleep (a suspended machine runs no timer), and once
// an hour — few wake-ups — with a real login on every account every six hours to catch revoked passwords. What to say and whether it was said is core's (reminder-service); this file only
// shows it: an OS notification that opens Ponte, and the tray's list of passwords needing attention.

const HOUR_MS = 3_600_000;
/** A real login on every account at most this often: enough to notice a revoked password within the day. */
const HEALTH_EVERY_MS = 6 * HOUR_MS;
const log = logFor('reminders');

export function startReminders(core: Core): void {
  let lastHealth = 0;
  const check = async (): Promise<void> => {
    if (Date.now() - lastHealth >= HEALTH_EVERY_MS) {
      lastHealth = Date.now();
      // Refusals it finds become "failing" and are reminded below; being offline changes nothing.
      await checkAllAccounts(core.accounts).catch((error: unknown) =>
        log.warn('the background check of every account failed', error),
      );
    }
    const { language } = await core.settings.read();
    const t = await appTranslator(language);
    const notify = (reminder: Reminder): void => {
      if (!Notification.isSupported()) throw new Error('notifications are not available');
      const notification = new Notification(reminderText(reminder, t));
      notification.on('click', () =>
        reminder.kind === 'password'
          ? showRotation({ accountId: reminder.accountId, credentialId: reminder.credentialId })
          : showMainWindow(),
      );
      notification.show();
    };
    const { attention } = await runReminders(core, new Date(), notify);
    showAttention(attention.map((reminder) => reminderText(reminder, t).title));
  };
  const safely = (): void => {
    // A failed run (a locked data folder) is tried again at the next wake-up; it never stops the app.
    check().catch((error: unknown) => log.warn('looking at reminders failed; trying again later', error));
  };
  safely();
  powerMonitor.on('resume', safely);
  setInterval(safely, HOUR_MS).unref();
}
