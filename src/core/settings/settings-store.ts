import { join } from 'node:path';
import { z } from 'zod/mini';
import { LANGUAGES } from '@shared/i18n/languages';
import { DEFAULT_REMINDER_DAYS, type Settings } from '@shared/models';
import { LOCKABLE_SETTINGS, normalizeReminderDays, reminderDaysSchema } from '@shared/settings-schema';
import { readVersionedFile, writeVersionedFile, type VersionedFile } from '../storage/versioned-file';

// Fields added later have defaults, so a settings file from an older Ponte still reads. zod/mini: every
// command reads this file (see selection-schema.ts).
const settingsSchema = z.object({
  language: z.enum(['auto', ...LANGUAGES]),
  reminderDays: z._default(reminderDaysSchema, DEFAULT_REMINDER_DAYS),
  startAtLogin: z._default(z.boolean(), false),
  reconnectDrives: z._default(z.boolean(), true),
  managedBy: z._default(
    z.nullable(
      z.strictObject({
        organisation: z.string(),
        support: z.optional(
          z.strictObject({
            email: z.optional(z.string()),
            phone: z.optional(z.string()),
            url: z.optional(z.string()),
          }),
        ),
        locked: z.array(z.enum(LOCKABLE_SETTINGS)),
      }),
    ),
    null,
  ),
});

export class SettingsStore {
  private readonly file: VersionedFile<Settings>;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(dataDir: string) {
    this.file = {
      path: join(dataDir, 'settings.json'),
      label: 'settings',
      version: 1,
      schema: settingsSchema,
      defaults: () => ({
        language: 'auto',
        reminderDays: DEFAULT_REMINDER_DAYS,
        startAtLogin: false,
        reconnectDrives: true,
        managedBy: null,
      }),
    };
  }

  read(): Promise<Settings> {
    return readVersionedFile(this.file);
  }

  /** Updates run one after another so two quick changes cannot lose each other. */
  update(changes: Partial<Settings>): Promise<Settings> {
    const run = this.queue.then(async () => {
      const next = { ...(await this.read()) };
      if (changes.language !== undefined) next.language = changes.language;
      if (changes.reminderDays !== undefined) next.reminderDays = normalizeReminderDays(changes.reminderDays);
      if (changes.startAtLogin !== undefined) next.startAtLogin = changes.startAtLogin;
      if (changes.reconnectDrives !== undefined) next.reconnectDrives = changes.reconnectDrives;
      if (changes.managedBy !== undefined) next.managedBy = changes.managedBy;
      await writeVersionedFile(this.file, next);
      return next;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }
}
