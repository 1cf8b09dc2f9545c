import { join } from 'node:path';
import { z } from 'zod';
import { LANGUAGES } from '@shared/i18n/languages';
import { DEFAULT_REMINDER_DAYS, type Settings } from '@shared/models';
import { LOCKABLE_SETTINGS, normalizeReminderDays, reminderDaysSchema } from '@shared/settings-schema';
import { readVersionedFile, writeVersionedFile, type VersionedFile } from '../storage/versioned-file';

// Fields added later have defaults, so a settings file from an older Ponte still reads.
const settingsSchema = z.object({
  language: z.enum(['auto', ...LANGUAGES]),
  reminderDays: reminderDaysSchema.default(DEFAULT_REMINDER_DAYS),
  startAtLogin: z.boolean().default(false),
  reconnectDrives: z.boolean().default(true),
  managedBy: z
    .object({
      organisation: z.string(),
      support: z
        .object({ email: z.string().optional(), phone: z.string().optional(), url: z.string().optional() })
        .strict()
        .optional(),
      locked: z.array(z.enum(LOCKABLE_SETTINGS)),
    })
    .strict()
    .nullable()
    .default(null),
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
